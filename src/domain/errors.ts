/**
 * Domain errors. Services throw these; the CLI maps them to exit codes and the HTTP layer to problem+json.
 * Every error has a stable `code` (snake_case) that is part of the public contract.
 */
export class AppError extends Error {
  readonly code: string;
  /** CLI exit code: 2 bad input/usage, 3 a tool failed on valid-looking input, 1 anything else. */
  readonly exitCode: number;
  /** HTTP status used by the API layer. */
  readonly httpStatus: number;
  constructor(code: string, message: string, opts: { cause?: unknown; exitCode?: number; httpStatus?: number } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = new.target.name;
    this.code = code;
    this.exitCode = opts.exitCode ?? 1;
    this.httpStatus = opts.httpStatus ?? 500;
  }
}

/** Bad usage or bad input that the user can fix (exit 2, HTTP 400). */
export class ValidationError extends AppError {
  constructor(code: string, message: string, opts: { cause?: unknown; httpStatus?: number } = {}) {
    super(code, message, { ...opts, exitCode: 2, httpStatus: opts.httpStatus ?? 400 });
  }
}

/** Media that cannot be read: empty, truncated, wrong type, over a limit (exit 2, HTTP 415/413/422). */
export class UnsupportedMediaError extends AppError {
  constructor(code: string, message: string, opts: { cause?: unknown; httpStatus?: number } = {}) {
    super(code, message, { ...opts, exitCode: 2, httpStatus: opts.httpStatus ?? 415 });
  }
}

/** A required external tool failed or timed out on input that looks valid (exit 3, HTTP 502). */
export class ToolError extends AppError {
  constructor(code: string, message: string, opts: { cause?: unknown } = {}) {
    super(code, message, { ...opts, exitCode: 3, httpStatus: 502 });
  }
}

/** Invalid configuration (exit 2). */
export class ConfigError extends AppError {
  constructor(code: string, message: string, opts: { cause?: unknown } = {}) {
    super(code, message, { ...opts, exitCode: 2, httpStatus: 500 });
  }
}

/** Something looked up does not exist (HTTP 404, exit 2). */
export class NotFoundError extends AppError {
  constructor(code: string, message: string) {
    super(code, message, { exitCode: 2, httpStatus: 404 });
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
