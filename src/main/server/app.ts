import type { ManualClock } from '../core/clock';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { streamSSE } from 'hono/streaming';
import type { Role } from '../../shared/access';
import { formatBytes, LIMITS } from '../../shared/limits';
import type { ApiError, ErrorCode, Result } from '../../shared/result';
import type { CoreKeeper } from '../core/keeper';
import { REQUEST_ID_HEADER } from '../../shared/events';
import { RESPONDER_HEADER } from '../../shared/sync';
import { capConcurrentBodies } from './body-cap';
import { roleForAuthorization, SECURITY_HEADERS, type SessionTokens } from './security';
import { refusal, type ServedAddress } from './served-address';

export const HTTP_STATUS: Record<ErrorCode, 400 | 401 | 403 | 404 | 409 | 500 | 503> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  UNKNOWN_OPERATION: 404,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  CONFLICT: 409,
  STORE_TOO_NEW: 409,
  STORE_UNREADABLE: 503,
  IO: 500,
  INTERNAL: 500,
};

const KEEPALIVE_MS = 20_000;

export interface WebAppOptions {
  /** Holds the core the API runs on, or serves recovery when the store's file is damaged. */
  keeper: CoreKeeper;
  tokens: SessionTokens;
  /** Where the server is reachable (known once it listens); requests naming another host or coming from another origin are refused. */
  served: () => ServedAddress;
  /** The built renderer (index.html and its assets). */
  rendererDir: string;
  /** Only with `holdfast web --test-clock`: end-to-end tests move the core's time by POST /test/clock. */
  testClock?: TestClock;
}

export type TestClock = Pick<ManualClock, 'now' | 'advance'>;

const AdvanceClockInput = z.object({ seconds: z.number().min(0).max(7 * 86_400) }).strict();

type Env = { Variables: { role: Role } };

/**
 * The web mode's routes: `POST /api/<operation>` runs one operation, `GET /events`
 * streams change events, everything else is the console's static files.
 * Every request must name this server in its `Host` header and must not come
 * from another origin (421/403 otherwise). `/api/` and `/events` then answer 401
 * to any request without one of the session's tokens before they look at
 * anything else; the viewer token may call only read operations (403 otherwise).
 */
export function createWebApp({ keeper, tokens, served, rendererDir, testClock }: WebAppOptions): Hono<Env> {
  const app = new Hono<Env>();

  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
  });

  app.use('*', async (c, next) => {
    const refused = refusal(served(), { method: c.req.method, path: c.req.path, header: (name) => c.req.header(name) });
    if (refused) return c.json(failure('FORBIDDEN', refused.message), refused.status);
    await next();
  });

  const requireToken: MiddlewareHandler<Env> = async (c, next) => {
    const role = roleForAuthorization(c.req.header('Authorization'), tokens);
    if (role === null) {
      const error: ApiError = { code: 'UNAUTHORIZED', message: 'Missing or wrong token: open the console with the link Holdfast printed.' };
      return c.json({ ok: false, error }, 401, { 'WWW-Authenticate': 'Bearer' });
    }
    c.set('role', role);
    await next();
  };
  app.use('/api/*', requireToken);
  app.use('/api', requireToken);
  app.use('/events', requireToken);
  app.use('/api/*', capConcurrentBodies());
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: LIMITS.requestBytes,
      onError: (c) => c.json(failure('VALIDATION', `The request body is larger than ${formatBytes(LIMITS.requestBytes)}, the most Holdfast accepts.`), 413),
    }),
  );

  if (testClock) {
    app.use('/test/*', requireToken);
    app.post('/test/clock', async (c) => {
      if (c.get('role') !== 'responder') return c.json(failure('FORBIDDEN', 'Only the responder link moves the test clock.'), 403);
      const parsed = AdvanceClockInput.safeParse(await c.req.json().catch(() => null));
      if (!parsed.success) return c.json(failure('VALIDATION', 'Send {"seconds": n} to move the test clock.'), 400);
      testClock.advance(Math.round(parsed.data.seconds * 1000));
      // Fire what has come due now rather than at the scheduler's next tick.
      keeper.core?.drills.tickAll();
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
    // Who is at this console (a responder's own name, kept by their browser); the dispatcher checks it and ignores a viewer's.
    const session = { role: c.get('role'), responder: c.req.header(RESPONDER_HEADER) };
    const result = await keeper.dispatch(c.req.param('operation'), input, session, c.req.header(REQUEST_ID_HEADER));
    return c.json(result, result.ok ? 200 : HTTP_STATUS[result.error.code]);
  });
  app.all('/api/*', (c) =>
    c.json(failure('VALIDATION', `Call operations with POST /api/<operation>; got ${c.req.method} ${c.req.path}.`), 405),
  );

  app.get('/events', (c) =>
    streamSSE(c, async (stream) => {
      const unsubscribe = keeper.events.subscribe((event) => {
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
