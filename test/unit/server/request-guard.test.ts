import http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/main/core/clock';
import { startWebServer, type WebServer } from '../../../src/main/server/listen';
import { isLoopbackHost, servedAddress } from '../../../src/main/server/served-address';
import { memoryCore } from '../../fixtures/core';
import { tempDir, writeFiles } from '../../fixtures/temp';
import type { Core } from '../../../src/main/core/core';
import { LIMITS } from '../../../src/shared/limits';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request with exactly the headers given (fetch would not let a test set `Host`). */
function raw(server: WebServer, options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<RawResponse> {
  const { hostname, port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const request = http.request({ hostname, port, method: options.method ?? 'GET', path: options.path, headers: options.headers ?? {} }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

let core: Core;
let server: WebServer;
let host: string;
let auth: Record<string, string>;

beforeEach(async () => {
  core = memoryCore().core;
  const rendererDir = tempDir();
  writeFiles(rendererDir, { 'index.html': '<!doctype html><title>Holdfast</title>' });
  server = await startWebServer({ core, rendererDir, host: '127.0.0.1', port: 0, testClock: fixedClock('2026-11-27T03:00:00Z') });
  host = new URL(server.origin).host;
  auth = { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' };
});

afterEach(async () => {
  await server.close();
  core.close();
});

describe('DNS-rebinding defence: the Host header', () => {
  it('serves requests naming the address it prints, or localhost on the same port', async () => {
    expect((await raw(server, { path: '/', headers: { Host: host } })).status).toBe(200);
    const port = new URL(server.origin).port;
    expect((await raw(server, { path: '/', headers: { Host: `localhost:${port}` } })).status).toBe(200);
    const api = await raw(server, { method: 'POST', path: '/api/getSession', headers: { ...auth, Host: host }, body: '{}' });
    expect(JSON.parse(api.body)).toEqual({ ok: true, value: { role: 'responder' } });
  });

  it('refuses another name, even with the right token and port, before running anything', async () => {
    const port = new URL(server.origin).port;
    for (const name of [`attacker.example:${port}`, `127.0.0.1.nip.io:${port}`, '127.0.0.1', `127.0.0.1:1`, `[::1]:${port}`]) {
      for (const path of ['/', '/api/declareIncident', '/events']) {
        const response = await raw(server, {
          method: path === '/api/declareIncident' ? 'POST' : 'GET',
          path,
          headers: { ...auth, Host: name },
          body: path === '/api/declareIncident' ? JSON.stringify({ title: 'Rebound', severity: 'SEV1' }) : undefined,
        });
        expect(response.status, `${name} ${path}`).toBe(421);
        expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining(`answers only to ${host}`) as string } });
      }
    }
    expect(core.incidents.list(false, true)).toEqual([]);
  });
});

describe('cross-origin requests', () => {
  const call = (headers: Record<string, string>) =>
    raw(server, { method: 'POST', path: '/api/declareIncident', headers: { ...auth, Host: host, ...headers }, body: JSON.stringify({ title: 'Forged', severity: 'SEV1' }) });

  it('are refused when the Origin is another site, or null', async () => {
    for (const origin of ['http://attacker.example', 'null', `http://localhost:1`, `https://${host}`]) {
      const response = await call({ Origin: origin });
      expect(response.status, origin).toBe(403);
      expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'FORBIDDEN', message: expect.stringContaining('other origins') as string } });
    }
    expect(core.incidents.list(false, true)).toEqual([]);
  });

  it('are refused when the browser says the request is cross-site or same-site', async () => {
    for (const site of ['cross-site', 'same-site']) {
      const response = await call({ 'Sec-Fetch-Site': site });
      expect(response.status, site).toBe(403);
      expect(JSON.parse(response.body)).toMatchObject({ error: { message: expect.stringContaining('other sites') as string } });
    }
    const image = await raw(server, { path: '/', headers: { Host: host, 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'no-cors' } });
    expect(image.status).toBe(403);
    expect(core.incidents.list(false, true)).toEqual([]);
  });

  it('allow the console itself, tools without an Origin, and a link followed to the console page', async () => {
    expect((await call({ Origin: server.origin, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
    expect((await call({})).status).toBe(200);
    const navigation = await raw(server, { path: '/', headers: { Host: host, 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'navigate' } });
    expect(navigation.status).toBe(200);
    const navigatedApi = await raw(server, { path: '/events', headers: { ...auth, Host: host, 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'navigate' } });
    expect(navigatedApi.status).toBe(403);
  });
});

describe('request bodies', () => {
  it(`larger than ${LIMITS.requestBytes} bytes are refused with the limit, before they are read whole`, async () => {
    const huge = Buffer.alloc(LIMITS.requestBytes + 1, 'a');
    const response = await raw(server, { method: 'POST', path: '/api/previewRunbook', headers: { ...auth, Host: host }, body: huge });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('larger than 8 MB') as string } });
  });
});

describe('security headers', () => {
  it('are on every response: pages, results, errors and refusals alike', async () => {
    const viewer = { Authorization: `Bearer ${server.viewerToken}`, 'Content-Type': 'application/json' };
    const responses: [string, Promise<RawResponse>][] = [
      ['page', raw(server, { path: '/', headers: { Host: host } })],
      ['missing file', raw(server, { path: '/nope.js', headers: { Host: host } })],
      ['result', raw(server, { method: 'POST', path: '/api/listRunbooks', headers: { ...auth, Host: host }, body: '{}' })],
      ['invalid input', raw(server, { method: 'POST', path: '/api/getRunbook', headers: { ...auth, Host: host }, body: '{"id": true}' })],
      ['no token', raw(server, { method: 'POST', path: '/api/listRunbooks', headers: { Host: host }, body: '{}' })],
      ['viewer refused', raw(server, { method: 'POST', path: '/api/logNote', headers: { ...viewer, Host: host }, body: '{}' })],
      ['wrong method', raw(server, { path: '/api/listRunbooks', headers: { ...auth, Host: host } })],
      ['wrong host', raw(server, { path: '/', headers: { Host: 'attacker.example' } })],
      ['other origin', raw(server, { path: '/', headers: { Host: host, Origin: 'http://attacker.example' } })],
      ['test clock by a viewer', raw(server, { method: 'POST', path: '/test/clock', headers: { ...viewer, Host: host }, body: '{"seconds": 1}' })],
    ];
    const statuses: Record<string, number> = {};
    for (const [label, pending] of responses) {
      const response = await pending;
      statuses[label] = response.status;
      expect(response.headers['content-security-policy'], label).toContain("default-src 'none'");
      expect(response.headers['content-security-policy'], label).toContain("frame-ancestors 'none'");
      expect(response.headers['x-content-type-options'], label).toBe('nosniff');
    }
    expect(statuses).toEqual({
      page: 200,
      'missing file': 404,
      result: 200,
      'invalid input': 400,
      'no token': 401,
      'viewer refused': 403,
      'wrong method': 405,
      'wrong host': 421,
      'other origin': 403,
      'test clock by a viewer': 403,
    });
  });
});

describe('served addresses', () => {
  it('tell loopback from addresses other machines can reach', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.20', '10.0.0.1', 'example.com', '128.0.0.1']) expect(isLoopbackHost(host), host).toBe(false);
  });

  it('answer to the bound address (and localhost on loopback); on all interfaces, to each of them', () => {
    expect([...servedAddress('127.0.0.1', 4000).hosts].sort()).toEqual(['127.0.0.1:4000', 'localhost:4000']);
    expect(servedAddress('::1', 4000)).toMatchObject({ origin: 'http://[::1]:4000' });
    expect(servedAddress('::1', 4000).hosts.has('[::1]:4000')).toBe(true);
    const lan = servedAddress('192.168.1.20', 4000);
    expect([...lan.hosts]).toEqual(['192.168.1.20:4000']);
    expect([...lan.origins]).toEqual(['http://192.168.1.20:4000']);
    const everywhere = servedAddress('0.0.0.0', 4000);
    expect(everywhere.hosts.has('127.0.0.1:4000')).toBe(true);
    expect(everywhere.hosts.has('attacker.example:4000')).toBe(false);
    expect(everywhere.origin).not.toContain('0.0.0.0');
  });
});
