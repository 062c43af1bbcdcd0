import { Flex, Layout, Typography } from 'antd';
import { useMessages } from '../../shared/i18n/messages';
import { useClientConfig } from '../../features/platform/platform.api';
import { appMessages } from '../messages';

/** Links to the API documentation and shows the running version. */
export function AppFooter() {
  const t = useMessages(appMessages);
  const { data: config } = useClientConfig();
  return (
    <Layout.Footer className="tn-footer">
      <Flex gap={16} wrap justify="center">
        <span>{t.footerCopyright(new Date().getFullYear())}</span>
        {/* Served by the API server itself (Swagger UI), outside this single-page app. */}
        <a href="/api/docs" target="_blank" rel="noopener" data-testid="footer-api-docs">
          {t.footerApiDocs}
        </a>
        {config ? (
          <Typography.Text type="secondary">
            {t.footerVersion(config.version)} · {t.footerDatabase(config.databaseMode)}
            {config.demo ? ` · ${t.footerDemo}` : ''}
          </Typography.Text>
        ) : null}
      </Flex>
    </Layout.Footer>
  );
}
