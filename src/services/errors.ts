// Errors a user can cause. The HTTP layer turns them into
// { "error": { "code", "message", "details" } } with the status here; the CLI prints the message.
export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'too_many_requests';

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
};

export interface ErrorDetail {
  field?: string;
  message: string;
  [key: string]: unknown;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export const notFound = (what: string, id: unknown) =>
  new AppError('not_found', `${what} ${String(id)} tidak ditemukan (not found). Periksa id-nya.`);

export const forbidden = (message: string) => new AppError('forbidden', message);

export const conflict = (message: string, details: ErrorDetail[] = []) =>
  new AppError('conflict', message, details);

export const invalid = (details: ErrorDetail[], message = 'Data tidak valid: perbaiki isian yang disebut.') =>
  new AppError('validation_failed', message, details);
