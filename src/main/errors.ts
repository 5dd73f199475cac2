import type { ErrorCode } from '../shared/result';

/**
 * An error whose message is written for the user: it says what went wrong and
 * what to do. Anything else that escapes is reported as an internal error with
 * no details, so no stack trace or secret reaches a face.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode = 'failed',
  ) {
    super(message);
    this.name = 'UserError';
  }
}
