import { errorStatus, type ErrorCode } from '#shared/errors';

/**
 * The one error class for expected failures. `message` is for logs (English); the client sees the
 * localised text for `code`, filled from `params`. `details` is returned to the client as is.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly params?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
