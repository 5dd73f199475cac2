export type ErrorCode =
  | 'bad_input'
  | 'not_found'
  | 'unauthorized'
  | 'forbidden'
  | 'conflict'
  | 'failed'
  | 'internal';

export type ApiError = { code: ErrorCode; message: string };

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };
