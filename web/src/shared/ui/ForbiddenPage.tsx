import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { describeError } from '../api/api-error';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useMessages } from '../i18n/messages';
import { useLang } from '../i18n/useLang';
import { uiMessages } from './messages';

export type ForbiddenPageProps = {
  /** The 403 from the API; its localised message is shown. */
  error?: unknown;
};

/** Shown when the user may not see a page, either by role or because the API answered 403. */
export function ForbiddenPage({ error }: ForbiddenPageProps) {
  const lang = useLang();
  const t = useMessages(uiMessages);
  useDocumentTitle(t.forbiddenTitle);
  return (
    <Result
      data-testid="forbidden-page"
      status="403"
      title={t.forbiddenTitle}
      subTitle={error === undefined ? t.forbiddenDefault : describeError(error, lang)}
      extra={
        <Link to="/">
          <Button type="primary">{t.backHome}</Button>
        </Link>
      }
    />
  );
}
