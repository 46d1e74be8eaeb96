import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Core } from '../core/core';
import { CoreKeeper } from '../core/keeper';
import { createWebApp, type TestClock } from './app';
import { newToken } from './security';
import { servedAddress, type ServedAddress } from './served-address';

export interface WebServerOptions {
  /** The core to serve, or the keeper that holds it (and serves recovery when the store is damaged). */
  core: Core | CoreKeeper;
  rendererDir: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  testClock?: TestClock;
}

export interface WebServer {
  /** The console's address for responders, with their token in the fragment. */
  url: string;
  /** The read-only console's address (for a wall display), with the viewer token in the fragment. */
  viewerUrl: string;
  /** The viewer's address opening straight on the wall display of every open incident (for a TV). */
  wallUrl: string;
  origin: string;
  token: string;
  viewerToken: string;
  close(): Promise<void>;
}

/**
 * Starts `holdfast web`: new random responder and viewer tokens at each start,
 * bound to `host` (loopback by default).
 */
export function startWebServer({ core, rendererDir, host, port, testClock }: WebServerOptions): Promise<WebServer> {
  const tokens = { responder: newToken(), viewer: newToken() };
  // Nothing is served before the server knows its own address.
  let served: ServedAddress = { hosts: new Set(), origins: new Set(), origin: '' };
  const keeper = core instanceof CoreKeeper ? core : CoreKeeper.around(core);
  const app = createWebApp({ keeper, tokens, served: () => served, rendererDir, ...(testClock ? { testClock } : {}) });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, (info: AddressInfo) => {
      served = servedAddress(info.address, info.port);
      resolve({
        origin: served.origin,
        url: `${served.origin}/#token=${tokens.responder}`,
        viewerUrl: `${served.origin}/#token=${tokens.viewer}`,
        wallUrl: `${served.origin}/#token=${tokens.viewer}&to=/wall`,
        token: tokens.responder,
        viewerToken: tokens.viewer,
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
