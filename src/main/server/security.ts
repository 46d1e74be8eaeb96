import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Role } from '../../shared/access';

/**
 * The console's Content-Security-Policy: only our own scripts and styles,
 * no plugins, no framing, and network requests only back to this origin.
 * The desktop shell serves the same policy.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** The two session tokens of one `holdfast web` run. */
export interface SessionTokens {
  responder: string;
  viewer: string;
}

/** A new random token: 192 bits from the system's CSPRNG, URL-safe. */
export const newToken = (): string => randomBytes(24).toString('base64url');

/**
 * Which role a request's `Authorization: Bearer …` header grants, or null.
 * Both tokens are always compared, each in constant time, so the answer's
 * timing says nothing about either.
 */
export function roleForAuthorization(header: string | undefined, tokens: SessionTokens): Role | null {
  const match = /^Bearer (.+)$/.exec(header ?? '');
  if (!match?.[1]) return null;
  const given = Buffer.from(match[1]);
  const responder = sameToken(given, tokens.responder);
  const viewer = sameToken(given, tokens.viewer);
  return responder ? 'responder' : viewer ? 'viewer' : null;
}

function sameToken(given: Buffer, token: string): boolean {
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
