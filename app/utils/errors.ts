/**
 * Expected failures, thrown by services and mapped to 4xx responses with a human sentence.
 * Anything else that escapes is a bug (500).
 */
export type FieldErrors = Record<string, string[] | undefined>

export class AppError extends Error {
  constructor(
    public status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 507,
    message: string,
    public fieldErrors: FieldErrors = {},
  ) {
    super(message)
  }
}

export class NotFoundError extends AppError {
  constructor(what = 'That page') {
    super(404, `${what} was not found, or you do not have access to it.`)
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You do not have permission to do that.') {
    super(403, message)
  }
}

export class ConflictError extends AppError {
  constructor(message: string, fieldErrors: FieldErrors = {}) {
    super(409, message, fieldErrors)
  }
}

export class InvalidInputError extends AppError {
  constructor(message: string, fieldErrors: FieldErrors = {}) {
    super(400, message, fieldErrors)
  }
}

export class TooManyRequestsError extends AppError {
  constructor(message: string) {
    super(429, message)
  }
}
