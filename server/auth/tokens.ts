import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'wrp_';

/** A new opaque bearer token: 256 random bits, prefixed so it is recognisable in a leak scan. */
export function newToken(): string {
  return `${PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** What the database keeps instead of the token. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Whether a string has the shape of one of our tokens, before any database work. */
export function looksLikeToken(token: string): boolean {
  return /^wrp_[A-Za-z0-9_-]{43}$/.test(token);
}
