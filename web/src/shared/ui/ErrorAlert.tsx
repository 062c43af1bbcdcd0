import { Alert, Button, Typography } from 'antd';
import type { ReactNode } from 'react';
import { describeError, isApiError } from '../api/api-error';
import { useLang } from '../i18n/useLang';
import { useMessages } from '../i18n/messages';
import { uiMessages } from './messages';

export type ErrorAlertProps = {
  error: unknown;
  title?: ReactNode;
  onRetry?: () => void;
  className?: string;
};

/** An API or runtime error as an AntD Alert, with the request id and an optional retry. */
export function ErrorAlert({ error, title, onRetry, className }: ErrorAlertProps) {
  const lang = useLang();
  const t = useMessages(uiMessages);
  const requestId = isApiError(error) ? error.requestId : undefined;
  const issues = isApiError(error) ? error.issues : [];
  return (
    <Alert
      className={className}
      type="error"
      showIcon
      role="alert"
      title={title ?? t.errorTitle}
      description={
        <>
          <div>{describeError(error, lang)}</div>
          {issues.length > 0 ? (
            <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
              {issues.map((issue) => (
                <li key={`${issue.path}:${issue.message}`}>
                  {issue.path.replace(/^(body|query|params)\./, '')}: {issue.message}
                </li>
              ))}
            </ul>
          ) : null}
          {requestId ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t.requestId(requestId)}
            </Typography.Text>
          ) : null}
        </>
      }
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t.retry}
          </Button>
        ) : undefined
      }
    />
  );
}
