import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/main/core/clock';
import { openCore, type Core } from '../../../src/main/core/core';
import { startWebServer, type WebServer } from '../../../src/main/server/listen';
import { ASSETS_DIR, tempDir, writeFiles } from '../../fixtures/temp';

let core: Core;
let server: WebServer;
let rendererDir: string;

beforeEach(async () => {
  core = openCore({ dataDir: tempDir(), assetsDir: ASSETS_DIR });
  rendererDir = tempDir();
  writeFiles(rendererDir, { 'index.html': '<!doctype html><title>Holdfast</title>' });
  server = await startWebServer({ core, rendererDir, host: '127.0.0.1', port: 0 });
});

afterEach(async () => {
  await server.close();
  core.close();
});

const post = (operation: string, body: unknown, token: string | null = server.token) =>
  fetch(`${server.origin}/api/${operation}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('holdfast web', () => {
  it('binds to loopback on a free port and prints the token only in the fragment', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{32}$/);
    expect(server.url.endsWith(server.token)).toBe(true);
  });

  it('answers 401 to /api and /events without the token, before looking at the operation', async () => {
    for (const token of [null, 'wrong-token', `${server.token}x`]) {
      const unknown = await post('noSuchOperation', {}, token);
      expect(unknown.status).toBe(401);
      expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
      expect((await post('listRunbooks', {}, token)).status).toBe(401);
    }
    expect((await fetch(`${server.origin}/events`)).status).toBe(401);
    expect((await fetch(`${server.origin}/api/listRunbooks`)).status).toBe(401);
  });

  it('with the token: runs operations, names unknown ones, and names the invalid field', async () => {
    const ok = await post('listRunbooks', {});
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true, value: { items: [], total: 0, tags: [], services: [], groups: [], reviewDueCount: 0 } });

    const unknown = await post('noSuchOperation', {});
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_OPERATION', message: expect.stringContaining('noSuchOperation') as string },
    });

    const invalid = await post('searchRunbooks', { query: 'disk', limit: 5000 });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'limit' } });

    const notJson = await post('listRunbooks', '{"tag": ');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: { code: 'VALIDATION', message: 'The request body is not valid JSON.' } });
  });

  it('refuses other methods on /api with a clear message', async () => {
    const response = await fetch(`${server.origin}/api/listRunbooks`, { headers: { Authorization: `Bearer ${server.token}` } });
    expect(response.status).toBe(405);
    expect(await response.json()).toMatchObject({ error: { message: expect.stringContaining('POST /api/<operation>') as string } });
  });

  it('serves the console with a strict Content-Security-Policy', async () => {
    const response = await fetch(`${server.origin}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Holdfast</title>');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect((await fetch(`${server.origin}/../package.json`)).status).toBe(404);
  });

  it('pushes a change event over SSE when runbooks change', async () => {
    const controller = new AbortController();
    const response = await fetch(`${server.origin}/events`, {
      headers: { Authorization: `Bearer ${server.token}` },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const chunks = (response.body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
    const decoder = new TextDecoder();
    let received = '';
    const readUntil = async (needle: string) => {
      while (!received.includes(needle)) {
        const chunk = await chunks.next();
        if (chunk.done) throw new Error(`stream ended before "${needle}"`);
        received += decoder.decode(chunk.value);
      }
    };
    await readUntil('event: ready');

    const folder = tempDir();
    writeFiles(folder, { 'disk.md': '# Disk full\n\nFree space.\n' });
    const imported = await post('importRunbooks', { paths: [path.join(folder, 'disk.md')] });
    expect(await imported.json()).toMatchObject({ ok: true, value: { imported: 1 } });

    await readUntil('event: change');
    expect(received).toContain('data: {"type":"runbooks.changed"}');
    controller.abort();
  });

  it('tags a change event with the id the console gave the request that caused it, so a console knows its own echo', async () => {
    const controller = new AbortController();
    const response = await fetch(`${server.origin}/events`, { headers: { Authorization: `Bearer ${server.token}` }, signal: controller.signal });
    const chunks = (response.body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
    const decoder = new TextDecoder();
    let received = '';
    const nextChange = async (): Promise<unknown> => {
      for (;;) {
        const match = /event: change\ndata: (.*)\n/.exec(received);
        if (match) {
          received = received.slice((match.index ?? 0) + match[0].length);
          return JSON.parse(match[1] ?? 'null') as unknown;
        }
        const chunk = await chunks.next();
        if (chunk.done) throw new Error('stream ended before a change');
        received += decoder.decode(chunk.value);
      }
    };
    const declare = (headers: Record<string, string>) =>
      fetch(`${server.origin}/api/declareIncident`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}`, ...headers },
        body: JSON.stringify({ title: 'Checkout down', severity: 'SEV2' }),
      });

    expect((await declare({ 'X-Holdfast-Request': 'console-a-17' })).status).toBe(200);
    expect(await nextChange()).toMatchObject({ type: 'incident.changed', requestId: 'console-a-17' });
    expect((await declare({})).status).toBe(200);
    expect(await nextChange()).not.toHaveProperty('requestId');
    // Not an id a console would make (spaces, too long): the change goes out untagged rather than echoing it.
    expect((await declare({ 'X-Holdfast-Request': 'x'.repeat(65) })).status).toBe(200);
    expect(await nextChange()).not.toHaveProperty('requestId');
    controller.abort();
  });
});

describe('holdfast web --test-clock', () => {
  it('has no clock route unless started with a test clock', async () => {
    const response = await fetch(`${server.origin}/test/clock`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}` },
      body: JSON.stringify({ seconds: 60 }),
    });
    expect(response.status).toBe(404);
  });

  it('moves the core clock only when told, and only with the token', async () => {
    const clock = fixedClock('2026-03-01T10:00:00Z');
    const clockCore = openCore({ dataDir: tempDir(), assetsDir: ASSETS_DIR, clock });
    const clocked = await startWebServer({ core: clockCore, rendererDir, host: '127.0.0.1', port: 0, testClock: clock });
    try {
      const advance = (token: string | null) =>
        fetch(`${clocked.origin}/test/clock`, {
          method: 'POST',
          headers: token ? { Authorization: `Bearer ${token}` } : {},
          body: JSON.stringify({ seconds: 90 }),
        });
      expect((await advance(null)).status).toBe(401);
      expect(clock.now().toISOString()).toBe('2026-03-01T10:00:00.000Z');
      expect(await (await advance(clocked.token)).json()).toEqual({ ok: true, value: { now: '2026-03-01T10:01:30.000Z' } });
    } finally {
      await clocked.close();
      clockCore.close();
    }
  });
});
