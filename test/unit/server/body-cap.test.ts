import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../src/main/core/core';
import { startWebServer, type WebServer } from '../../../src/main/server/listen';
import { ASSETS_DIR, tempDir, writeFiles } from '../../fixtures/temp';

let core: Core | undefined;
let server: WebServer | undefined;
const held: http.ClientRequest[] = [];

afterEach(async () => {
  for (const request of held.splice(0)) request.destroy();
  await server?.close();
  core?.close();
});

async function start() {
  core = openCore({ dataDir: tempDir(), assetsDir: ASSETS_DIR });
  const rendererDir = tempDir();
  writeFiles(rendererDir, { 'index.html': '<!doctype html><title>Holdfast</title>' });
  server = await startWebServer({ core, rendererDir, host: '127.0.0.1', port: 0 });
  return server;
}

/** Starts a POST that announces `bytes` but sends only its first kilobyte, and keeps it open (a slow upload). */
function slowUpload(web: WebServer, bytes: number): Promise<http.IncomingMessage | 'open'> {
  return new Promise((resolve, reject) => {
    const url = new URL(`${web.origin}/api/previewRunbook`);
    const request = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { Authorization: `Bearer ${web.token}`, 'Content-Type': 'application/json', 'Content-Length': bytes } },
      (response) => resolve(response),
    );
    request.on('error', (error) => (error.message.includes('socket hang up') ? undefined : reject(error)));
    request.write(`{"body":"${'a'.repeat(1000)}`);
    held.push(request);
    // Still open after a moment: the server is waiting for the rest of its body.
    setTimeout(() => resolve('open'), 300);
  });
}

const readBody = (response: http.IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = '';
    response.on('data', (chunk: Buffer) => (text += chunk.toString()));
    response.on('end', () => resolve(text));
  });

describe('concurrent large request bodies', () => {
  it('beyond four at once a large one is answered 503 with a clear message at once; small requests still pass; a freed slot is taken again', async () => {
    const web = await start();
    for (let i = 0; i < 4; i++) expect(await slowUpload(web, 5_000_000)).toBe('open');

    const refused = await slowUpload(web, 5_000_000);
    expect(refused).not.toBe('open');
    const response = refused as http.IncomingMessage;
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('1');
    expect(JSON.parse(await readBody(response))).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'The server is already receiving 4 large requests (256 kB or more) at once; try again in a moment.' },
    });

    const small = await fetch(`${web.origin}/api/listIncidents`, { method: 'POST', headers: { Authorization: `Bearer ${web.token}` }, body: '{}' });
    expect(small.status).toBe(200);

    held.shift()?.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await slowUpload(web, 5_000_000)).toBe('open');
  });
});
