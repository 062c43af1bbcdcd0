import type { ErrorCode } from '#shared/errors';
import { AppError } from './app-error';

/** An AppError that points a form at one body field (`details.issues`), with message params. */
export function fieldError(code: ErrorCode, field: string, params?: Record<string, unknown>, logMessage: string = code): AppError {
  return new AppError(code, logMessage, { issues: [{ path: `body.${field}`, code: code.split('/')[1] ?? code, message: code }] }, params);
}
