import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Core } from '../core/core';
import { createWebApp, type TestClock } from './app';

export interface WebServerOptions {
  core: Core;
  rendererDir: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  testClock?: TestClock;
}

export interface WebServer {
  /** The console's address, with the session token in the fragment. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

/** Starts `holdfast web`: a new random token at each start, bound to `host` (loopback by default). */
export function startWebServer({ core, rendererDir, host, port, testClock }: WebServerOptions): Promise<WebServer> {
  const token = randomBytes(24).toString('base64url');
  const app = createWebApp({ core, token, rendererDir, ...(testClock ? { testClock } : {}) });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, (info: AddressInfo) => {
      const hostForUrl = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      const origin = `http://${hostForUrl}:${info.port}`;
      resolve({
        origin,
        url: `${origin}/#token=${token}`,
        token,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}
