import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { HoldfastError } from '../../errors';
import type { ErrorCode } from '../../../shared/result';
import { parseTasks, type ParseReply, type ParseRequest, type ParseTaskName, type ParseTasks } from './tasks';

/**
 * Reads runbook Markdown off the thread that answers requests. The parser takes
 * seconds on a large runbook and far longer on some shapes of Markdown, and web
 * mode answers every console from one thread: parsing there let one request
 * (a viewer's preview of 100 KB of `>`) stop all the others for a minute. So
 * preview, save and import parse in worker threads, at most two at a time, each
 * under a deadline and a memory limit; a parse past either is stopped (its
 * worker is ended and a new one started) and the request is refused in words.
 *
 * Where no worker can start (the desktop app's packaging, say), parsing falls
 * back to this thread, still within the bounds of ../format/bounds.ts.
 */
export interface RunbookParser {
  run<N extends ParseTaskName>(task: N, ...args: Parameters<ParseTasks[N]>): Promise<ReturnType<ParseTasks[N]>>;
}

export const PARSE_LIMITS = {
  /** Long enough for the largest runbook allowed (1 MB) on a slow, busy machine. */
  deadlineMs: 30_000,
  memoryMb: 1024,
  workers: 2,
};

interface Job {
  request: Omit<ParseRequest, 'id'>;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: (Job & { id: number; timer?: NodeJS.Timeout }) | null;
}

class WorkerPool implements RunbookParser {
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  /** Set when a worker could not start: everything is parsed on this thread from then on. */
  private unavailable = false;

  get fellBack(): boolean {
    return this.unavailable;
  }

  run<N extends ParseTaskName>(task: N, ...args: Parameters<ParseTasks[N]>): Promise<ReturnType<ParseTasks[N]>> {
    if (this.unavailable) return runInline(task, args) as never;
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { task, args }, resolve: resolve as (value: unknown) => void, reject });
      this.pump();
    });
  }

  private pump(): void {
    for (;;) {
      const job = this.queue[0];
      if (!job) return;
      if (this.unavailable) {
        this.queue.shift();
        runInline(job.request.task, job.request.args).then(job.resolve, job.reject);
        continue;
      }
      const free = [...this.slots].find((slot) => slot.ready && slot.job === null);
      if (!free) {
        // The next worker to be free (or to finish starting) takes it.
        if (![...this.slots].some((slot) => !slot.ready)) this.spawn();
        return;
      }
      this.queue.shift();
      this.assign(free, job);
    }
  }

  /** Starts a worker (up to the limit); it takes jobs once it says it is ready. */
  private spawn(): void {
    if (this.slots.size >= PARSE_LIMITS.workers) return;
    let worker: Worker;
    try {
      worker = startWorker();
    } catch (error) {
      this.giveUp(error);
      this.pump();
      return;
    }
    const slot: Slot = { worker, ready: false, job: null };
    this.slots.add(slot);
    worker.on('message', (reply: ParseReply) => this.answer(slot, reply));
    worker.on('error', (error) => this.fail(slot, error));
    worker.on('exit', (code) => this.fail(slot, new Error(`the parser stopped (exit code ${code})`)));
  }

  private assign(slot: Slot, job: Job): void {
    const id = this.nextId++;
    const timer = setTimeout(() => this.stop(slot, tooSlow()), PARSE_LIMITS.deadlineMs);
    slot.job = { ...job, id, timer };
    slot.worker.ref();
    slot.worker.postMessage({ id, ...job.request } satisfies ParseRequest);
  }

  private answer(slot: Slot, reply: ParseReply): void {
    if (reply.type === 'ready') {
      slot.ready = true;
      slot.worker.unref();
      this.pump();
      return;
    }
    const job = slot.job;
    if (!job || job.id !== reply.id) return;
    clearTimeout(job.timer);
    slot.job = null;
    slot.worker.unref();
    if (reply.type === 'done') job.resolve(reply.value);
    else {
      const { holdfast, code, message, field } = reply.error;
      job.reject(holdfast ? new HoldfastError(code as ErrorCode, message, field) : unreadable(message));
    }
    this.pump();
  }

  /** A worker that errs or exits: its job (if any) fails; one that never got ready means workers cannot run here. */
  private fail(slot: Slot, error: Error): void {
    if (!this.slots.delete(slot)) return;
    void slot.worker.terminate();
    const job = slot.job;
    if (job) {
      clearTimeout(job.timer);
      job.reject((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooBig() : unreadable(error.message));
    } else if (!slot.ready) {
      this.giveUp(error);
    }
    this.pump();
  }

  /** Ends a worker that is past its deadline; the next job gets a fresh one. */
  private stop(slot: Slot, error: HoldfastError): void {
    const job = slot.job;
    slot.job = null;
    this.slots.delete(slot);
    void slot.worker.terminate();
    job?.reject(error);
    this.pump();
  }

  private giveUp(error: unknown): void {
    if (this.unavailable) return;
    this.unavailable = true;
    console.error(`[holdfast] Markdown is read on the main thread: the parser's worker thread could not start (${error instanceof Error ? error.message : String(error)}).`);
  }
}

/** A task on this thread; its error becomes a rejection, as a worker's does. */
function runInline(task: ParseTaskName, args: unknown[]): Promise<unknown> {
  try {
    return Promise.resolve((parseTasks[task] as (...values: unknown[]) => unknown)(...args));
  } catch (error) {
    return Promise.reject(error instanceof HoldfastError ? error : unreadable(error instanceof Error ? error.message : String(error)));
  }
}

/** The parser on this thread (tests, and where no worker can start). */
const inline: RunbookParser = {
  run: (task, ...args) => runInline(task, args) as never,
};

let shared: RunbookParser | null = null;
let mode: 'worker' | 'inline' = 'worker';

/** The process's runbook parser: worker threads, unless told otherwise. */
export function runbookParser(): RunbookParser {
  if (mode === 'inline') return inline;
  shared ??= new WorkerPool();
  return shared;
}

/** Where Markdown is read: in worker threads, or on this thread (by request, or because no worker could start). */
export function parsingThread(): 'worker' | 'this thread' {
  return mode === 'worker' && !(shared instanceof WorkerPool && shared.fellBack) ? 'worker' : 'this thread';
}

/** Tests that do not exercise the workers parse on their own thread (starting a worker from TypeScript source takes seconds). */
export function parseOnThisThread(inlineParsing: boolean): void {
  mode = inlineParsing ? 'inline' : 'worker';
}

const tooSlow = () =>
  new HoldfastError(
    'VALIDATION',
    `Holdfast stopped reading this Markdown after ${PARSE_LIMITS.deadlineMs / 1000} seconds: it is built in a way that takes too long to read ` +
      '(thousands of nested list items, say, or emphasis and link marks packed together). Nothing was stored; simplify it and try again.',
  );

const tooBig = () =>
  new HoldfastError(
    'VALIDATION',
    `Holdfast stopped reading this Markdown: it needed more than ${PARSE_LIMITS.memoryMb} MB of memory. Nothing was stored; simplify it and try again.`,
  );

const unreadable = (reason: string) => new HoldfastError('VALIDATION', `Holdfast could not read this Markdown (${reason.split('\n')[0] ?? ''}). Nothing was stored.`);

/**
 * The worker's script: built beside this bundle as runbook-parser.js (the CLI and
 * web server) or .cjs (the desktop app's core), outside the app's asar archive;
 * from the TypeScript sources (tests, `npm run cli`) through tsx.
 */
function startWorker(): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: PARSE_LIMITS.memoryMb };
  const here = moduleUrl();
  if (here.endsWith('.ts')) {
    const bootstrap = `(async () => {
      const { register } = await import(${JSON.stringify(tsxEsmApi(here))});
      register();
      await import(${JSON.stringify(new URL('./worker.ts', here).href)});
    })();`;
    return new Worker(bootstrap, { eval: true, resourceLimits });
  }
  const bundled = fileURLToPath(new URL(`./runbook-parser.${here.endsWith('.cjs') ? 'cjs' : 'js'}`, here));
  const unpacked = bundled.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
  return new Worker(fs.existsSync(unpacked) ? unpacked : bundled, { resourceLimits });
}

/** tsx's ESM API (which registers its TypeScript loader in a thread), found as `import` would find it. */
function tsxEsmApi(from: string): string {
  const manifest = createRequire(from).resolve('tsx/package.json');
  const { exports } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(path.join(path.dirname(manifest), exports['./esm/api']?.import.default ?? '')).href;
}

/** This module's own address, as ESM (`import.meta.url`) or as the desktop app's CommonJS bundle sees it. */
function moduleUrl(): string {
  return typeof __filename === 'string' ? pathToFileURL(__filename).href : import.meta.url;
}
