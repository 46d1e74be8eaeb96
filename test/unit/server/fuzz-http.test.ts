import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../../src/main/server/listen';
import { operationNames, type OperationName } from '../../../src/main/api';
import type { Result } from '../../../src/shared/result';
import { confined, expectPrototypeClean, expectTypedError, sameAsSample, StoreWatch } from '../../fixtures/fuzz-target';
import { hostileInput, RAW_BODIES } from '../../fixtures/hostile';
import { forkSeeded, sampleInputs, seededCore, type Seeded } from '../../fixtures/seeded';
import { tempDir, writeFiles } from '../../fixtures/temp';

/** Runs per operation over HTTP (each a real request), and raw bodies per operation (taken in turn, so each body meets several operations). */
const RUNS = 6;
const RAW_PER_OPERATION = 3;

let template: Seeded;
let seeded: Seeded;
let server: WebServer;
let sandbox: string;
let watch: StoreWatch;

beforeAll(async () => {
  template = await seededCore();
  seeded = forkSeeded(template);
  const rendererDir = tempDir();
  writeFiles(rendererDir, { 'index.html': '<!doctype html><title>Holdfast</title>' });
  sandbox = tempDir();
  server = await startWebServer({ core: seeded.core, rendererDir, host: '127.0.0.1', port: 0 });
  watch = new StoreWatch(seeded);
});

afterAll(async () => {
  await server.close();
  seeded.core.close();
  template.core.close();
});

/** Posts a body as it is and checks the answer: JSON, and a typed error unless it succeeded. */
async function post(name: string, body: string | Buffer): Promise<Result<unknown>> {
  const response = await fetch(`${server.origin}/api/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
    body,
  });
  const text = await response.text();
  let result: Result<unknown>;
  try {
    result = JSON.parse(text) as Result<unknown>;
  } catch {
    throw new Error(`${name}: answered ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`);
  }
  const error = expectTypedError(result, name);
  // A file the input names that cannot be read or written is IO (500); nothing else may be a server error.
  if (response.status >= 500 && error?.code !== 'IO') throw new Error(`${name}: answered ${response.status}: ${text.slice(0, 300)}`);
  watch.check(result.ok, name);
  expectPrototypeClean(name);
  return result;
}

describe('every operation over HTTP with hostile input', () => {
  it.each(operationNames.map((name, index) => [name, index] as const))('%s answers JSON with a typed error and leaves the store as it was', async (name: OperationName, index) => {
    const sample = sampleInputs(seeded)[name] as Record<string, unknown>;
    await fc.assert(
      fc.asyncProperty(hostileInput(sample), async (raw) => {
        const input = confined(name, raw, sandbox);
        if (!sameAsSample(name, input, sample)) await post(name, JSON.stringify(input) ?? '');
      }),
      { numRuns: RUNS },
    );
    for (let turn = 0; turn < RAW_PER_OPERATION; turn += 1) {
      await post(name, RAW_BODIES[(index * RAW_PER_OPERATION + turn) % RAW_BODIES.length] as string | Buffer);
    }
  });

  it('still serves after all of that', async () => {
    const result = await post('getSession', '{}');
    expect(result).toEqual({ ok: true, value: { role: 'responder' } });
  });
});
