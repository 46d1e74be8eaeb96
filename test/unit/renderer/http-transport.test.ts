import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { httpTransport } from '../../../src/renderer/api/http-transport';
import type { ChangeEvent } from '../../../src/shared/events';
import { encodeResponder } from '../../../src/shared/sync';

let server: http.Server | undefined;
afterEach(() => server?.close());

describe('the web transport tells the data layer when its event stream was cut', () => {
  it('calls onGap once the stream is back after a cut, and passes events on', async () => {
    let connections = 0;
    server = http.createServer((request, response) => {
      if (request.url !== '/events' || request.headers.authorization !== 'Bearer t0ken') return void response.writeHead(401).end();
      connections += 1;
      response.writeHead(200, { 'Content-Type': 'text/event-stream' });
      // The first stream is cut at once (asking for a quick reconnect); the second stays and carries a change.
      if (connections === 1) return void response.end('retry: 20\n\n');
      response.write(`event: change\ndata: ${JSON.stringify({ type: 'runbooks.changed' })}\n\n`);
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;

    const transport = httpTransport('t0ken', `http://127.0.0.1:${port}`);
    const events: ChangeEvent[] = [];
    let gaps = 0;
    const unsubscribe = transport.subscribe((event) => events.push(event), () => (gaps += 1));
    await expect.poll(() => events.length, { timeout: 5000 }).toBe(1);
    unsubscribe();
    server.closeAllConnections();
    expect(events).toEqual([{ type: 'runbooks.changed' }]);
    expect(gaps).toBe(1);
    expect(connections).toBe(2);
  });
});

describe('the web transport says who is at the console', () => {
  it('sends the responder with a call, names beyond ASCII included, and nothing when nobody has said', async () => {
    const seen: (string | undefined)[] = [];
    server = http.createServer((request, response) => {
      seen.push(request.headers['x-holdfast-responder'] as string | undefined);
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ ok: true, value: null }));
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const transport = httpTransport('t0ken', `http://127.0.0.1:${port}`);
    const responder = encodeResponder({ name: 'Zoë Ōtsuka', handle: 'zoe' });
    expect(await transport.call('logNote', { id: 1, text: 'x' }, undefined, responder)).toEqual({ ok: true, value: null });
    await transport.call('getTimeline', { id: 1 });
    expect(seen).toEqual([responder, undefined]);
    expect(JSON.parse(decodeURIComponent(seen[0] ?? ''))).toEqual({ name: 'Zoë Ōtsuka', handle: 'zoe' });
  });
});
