import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { streamSSE } from 'hono/streaming';
import type { ApiError, ErrorCode, Result } from '../../shared/result';
import { dispatch } from '../api';
import type { Core } from '../core/core';
import { hasBearerToken, SECURITY_HEADERS } from './security';

const HTTP_STATUS: Record<ErrorCode, 400 | 401 | 404 | 409 | 500 | 503> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  UNKNOWN_OPERATION: 404,
  UNAUTHORIZED: 401,
  CONFLICT: 409,
  STORE_TOO_NEW: 409,
  STORE_UNREADABLE: 503,
  IO: 500,
  INTERNAL: 500,
};

const KEEPALIVE_MS = 20_000;

export interface WebAppOptions {
  core: Core;
  token: string;
  /** The built renderer (index.html and its assets). */
  rendererDir: string;
  /** Only with `holdfast web --test-clock`: end-to-end tests move the core's time by POST /test/clock. */
  testClock?: TestClock;
}

export interface TestClock {
  now(): Date;
  advance(ms: number): void;
}

const AdvanceClockInput = z.object({ seconds: z.number().int().min(0).max(7 * 86_400) }).strict();

/**
 * The web mode's routes: `POST /api/<operation>` runs one operation, `GET /events`
 * streams change events, everything else is the console's static files.
 * `/api/` and `/events` answer 401 to any request without the session's token
 * before they look at anything else.
 */
export function createWebApp({ core, token, rendererDir, testClock }: WebAppOptions): Hono {
  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
  });

  const requireToken: MiddlewareHandler = async (c, next) => {
    if (!hasBearerToken(c.req.header('Authorization'), token)) {
      const error: ApiError = { code: 'UNAUTHORIZED', message: 'Missing or wrong token: open the console with the link Holdfast printed.' };
      return c.json({ ok: false, error }, 401, { 'WWW-Authenticate': 'Bearer' });
    }
    await next();
  };
  app.use('/api/*', requireToken);
  app.use('/api', requireToken);
  app.use('/events', requireToken);

  if (testClock) {
    app.use('/test/*', requireToken);
    app.post('/test/clock', async (c) => {
      const parsed = AdvanceClockInput.safeParse(await c.req.json().catch(() => null));
      if (!parsed.success) return c.json(failure('VALIDATION', 'Send {"seconds": n} to move the test clock.'), 400);
      testClock.advance(parsed.data.seconds * 1000);
      // Fire what has come due now rather than at the scheduler's next tick.
      core.drills.tickAll();
      return c.json({ ok: true, value: { now: testClock.now().toISOString() } });
    });
  }

  app.post('/api/:operation', async (c) => {
    let input: unknown;
    const text = await c.req.text();
    try {
      input = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      return c.json(failure('VALIDATION', 'The request body is not valid JSON.'), 400);
    }
    const result = await dispatch(core, c.req.param('operation'), input);
    return c.json(result, result.ok ? 200 : HTTP_STATUS[result.error.code]);
  });
  app.all('/api/*', (c) =>
    c.json(failure('VALIDATION', `Call operations with POST /api/<operation>; got ${c.req.method} ${c.req.path}.`), 405),
  );

  app.get('/events', (c) =>
    streamSSE(c, async (stream) => {
      const unsubscribe = core.events.subscribe((event) => {
        void stream.writeSSE({ event: 'change', data: JSON.stringify(event) });
      });
      await stream.writeSSE({ event: 'ready', data: '{}' });
      // Keep proxies and idle timeouts from closing a quiet stream; never keep the process alive for it.
      const keepalive = setInterval(() => void stream.writeSSE({ event: 'ping', data: '' }), KEEPALIVE_MS).unref();
      await new Promise<void>((resolve) =>
        stream.onAbort(() => {
          clearInterval(keepalive);
          unsubscribe();
          resolve();
        }),
      );
    }),
  );

  app.use('*', serveStatic({ root: rendererDir }));
  app.notFound((c) => c.text('Not found', 404));
  return app;
}

function failure(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}
