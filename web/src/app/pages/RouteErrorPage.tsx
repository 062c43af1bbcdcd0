import { Button, Result } from 'antd';
import { useRouteError } from 'react-router-dom';
import { useMessages } from '../../shared/i18n/messages';
import { appMessages } from '../messages';

/**
 * Shown when rendering a route throws — in practice a lazy chunk that failed to download (network
 * drop, or a deploy replaced the hashed files). Reloading fetches the new index.html.
 */
export function RouteErrorPage() {
  const error = useRouteError();
  const t = useMessages(appMessages);
  if (import.meta.env.DEV) {
    console.error(error);
  }
  return (
    <Result
      status="error"
      title={t.routeErrorTitle}
      subTitle={t.routeErrorText}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t.reload}
        </Button>
      }
    />
  );
}
