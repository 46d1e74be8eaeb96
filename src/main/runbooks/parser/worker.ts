/**
 * A worker thread that reads runbook Markdown for the pool in ./pool.ts, so a
 * slow parse never holds up the thread that answers requests. Built on its own
 * as dist/node/runbook-parser.(c)js.
 */
import { parentPort } from 'node:worker_threads';
import { HoldfastError } from '../../errors';
import { parseTasks, type ParseReply, type ParseRequest } from './tasks';

const port = parentPort;
if (!port) throw new Error('runbook-parser must run as a worker thread');

port.on('message', (request: ParseRequest) => {
  let reply: ParseReply;
  try {
    const task = parseTasks[request.task] as (...args: unknown[]) => unknown;
    reply = { type: 'done', id: request.id, value: task(...request.args) };
  } catch (error) {
    const holdfast = error instanceof HoldfastError;
    reply = {
      type: 'failed',
      id: request.id,
      error: {
        holdfast,
        code: holdfast ? error.code : 'INTERNAL',
        message: error instanceof Error ? error.message : String(error),
        field: holdfast ? error.field : undefined,
      },
    };
  }
  port.postMessage(reply);
});
port.postMessage({ type: 'ready' } satisfies ParseReply);
