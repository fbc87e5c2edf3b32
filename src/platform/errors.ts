/** The one error type the core throws; the HTTP layer maps its code to a status. */
export type ErrorCode =
  | "bad_request"
  | "not_found"
  | "conflict"
  | "forbidden"
  | "unauthorized"
  | "too_many"
  | "too_large"
  | "unavailable";

export const httpStatusOf: Record<ErrorCode, 400 | 401 | 403 | 404 | 409 | 413 | 429 | 503> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  too_many: 429,
  unavailable: 503,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** Did the database refuse a row because a unique index already has its value (SQLSTATE 23505)? Drizzle wraps it. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return (e?.cause?.code ?? e?.code) === "23505";
}
