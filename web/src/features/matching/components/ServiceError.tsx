import { Alert } from 'antd';
import { isApiError } from '../../../shared/api/api-error';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';

/** A 404 or 501 from an optional endpoint: the service is not deployed (not a missing record). */
export function isServiceUnavailable(error: unknown): boolean {
  return isApiError(error) && (error.status === 404 || error.status === 501) && !error.code.endsWith('/not_found');
}

/**
 * The error of an optional service (search, similar, matching, classification): a 404 or 501 means
 * the endpoint is not deployed, shown as a calm notice; anything else is a normal error alert.
 */
export function ServiceError({
  error,
  unavailable,
  onRetry,
  testId,
}: {
  error: unknown;
  unavailable: string;
  onRetry?: () => void;
  testId?: string;
}) {
  if (isServiceUnavailable(error)) {
    return <Alert type="warning" showIcon title={unavailable} data-testid={testId} />;
  }
  return (
    <div data-testid={testId}>
      <ErrorAlert error={error} onRetry={onRetry} />
    </div>
  );
}
