export type AuthorizationHeader =
  { kind: 'missing' } | { kind: 'malformed' } | { kind: 'bearer'; token: string };

/** RFC 6750 `Bearer <token68>`; the scheme name is case-insensitive (RFC 9110 §11.1). */
const BEARER = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i;

export function parseAuthorizationHeader(value: string | undefined): AuthorizationHeader {
  if (value === undefined || value.trim() === '') return { kind: 'missing' };
  const match = BEARER.exec(value);
  const token = match?.[1];
  return token === undefined ? { kind: 'malformed' } : { kind: 'bearer', token };
}
