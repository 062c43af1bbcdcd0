import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { useMessages } from '../../shared/i18n/messages';
import { appMessages } from '../messages';

/** Any path no route matches. */
export function NotFoundPage() {
  const t = useMessages(appMessages);
  useDocumentTitle(t.notFoundTitle);
  return (
    <Result
      status="404"
      title={t.notFoundTitle}
      subTitle={t.notFoundText}
      data-testid="not-found-page"
      extra={
        <Link to="/">
          <Button type="primary">{t.backHome}</Button>
        </Link>
      }
    />
  );
}
