/** A failure of ours the user should read as is (Chinese message, no internals). */
export class UserFacingError extends Error {
  readonly code: number;
  constructor(code: 400 | 403 | 404 | 409 | 500 | 503, message: string) {
    super(message);
    this.name = 'UserFacingError';
    this.code = code;
  }
}
