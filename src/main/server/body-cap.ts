import type { MiddlewareHandler } from 'hono';
import { formatBytes } from '../../shared/limits';
import type { Result } from '../../shared/result';

export interface BodyCapOptions {
  /** A body at least this big (by Content-Length; one without it counts as big) is "large". */
  largeBytes: number;
  /** How many large bodies may be in flight at once. */
  maxLarge: number;
}

/** Defaults: a runbook save is a few kB; several at once over 256 kB means someone is pushing megabytes in parallel. */
export const BODY_CAP: BodyCapOptions = { largeBytes: 256_000, maxLarge: 4 };

/**
 * Caps how many large request bodies the server takes in at once: each may be
 * up to the body limit (8 MB), so a handful of slow uploads in parallel could
 * otherwise hold a great deal of memory. Beyond the cap a large request is
 * answered 503 with Retry-After at once, before its body is read; small ones
 * (everything the console sends in normal use) always pass.
 */
export function capConcurrentBodies({ largeBytes, maxLarge }: BodyCapOptions = BODY_CAP): MiddlewareHandler {
  let inFlight = 0;
  return async (c, next) => {
    const length = Number(c.req.header('Content-Length') ?? Number.NaN);
    const large = c.req.method !== 'GET' && (Number.isNaN(length) || length >= largeBytes);
    if (!large) return next();
    if (inFlight >= maxLarge) {
      const refused: Result<never> = {
        ok: false,
        error: {
          code: 'CONFLICT',
          message: `The server is already receiving ${maxLarge} large requests (${formatBytes(largeBytes)} or more) at once; try again in a moment.`,
        },
      };
      return c.json(refused, 503, { 'Retry-After': '1' });
    }
    inFlight += 1;
    try {
      await next();
    } finally {
      inFlight -= 1;
    }
  };
}
