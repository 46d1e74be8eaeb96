import type { Command } from 'commander';
import type { InputOf, OperationName, OutputOf } from '../../shared/contract';
import type { ApiError, ErrorCode, Result } from '../../shared/result';
import type { Core } from '../core/core';
import { appPaths, defaultDataDir } from '../core/paths';
import { toApiError } from '../errors';
import type { CreatePolicy } from '../store/open';
import type { CliIo } from './io';

/**
 * The one way a command runs: open the store as the command needs, call
 * operations through the API's `call`, print the answer as text or `--json`,
 * and turn a failure into an exit status and a message that keeps the error's
 * code and details. The core, the dispatcher and the store are imported when a
 * command first needs them, and the dispatcher loads only the domains of the
 * operations the command calls, so `holdfast oncall` reads the rosters' code alone.
 */

/** Raised inside a command to end the CLI with a message, the error's code and details, and an exit status. */
export class CliExit extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    /** Further lines, one problem each (e.g. every problem of a refused roster file). */
    readonly details: readonly string[] = [],
    /** The input field the error is about, when it is about one. */
    readonly field?: string,
  ) {
    super(message);
  }

  /** An operation's failed Result (or an error thrown while working), as the CLI ends on it: status 1. */
  static of(error: ApiError): CliExit {
    return new CliExit(1, error.code, error.message, error.details ?? [], error.field);
  }
}

/** A value on the command line that cannot be used as typed: status 2, before anything is opened. */
export const usageError = (message: string): CliExit => new CliExit(2, 'VALIDATION', message);

/**
 * The commands that add data may create the store, but only in a folder that
 * exists and is empty (src/main/store/open.ts): a mistyped --data never grows
 * a new store. Every other command needs the store to be there already.
 */
const CREATING = new Set<OperationName>(['importRunbooks', 'importSlos', 'loadDemoWorkspace', 'importRoster', 'importPeopleCsv', 'declareIncident', 'updateSettings']);

/** How a command prints its answer: text for people, and with `--json` the value itself unless `json` says otherwise. */
export type Show<T> = ((value: T) => string) | { text: (value: T) => string; json: (value: T) => string };

export const asJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** Calls one operation on the open store; a failed Result ends the command with its code and details. */
export type Op = <N extends OperationName>(name: N, input: InputOf<N>) => Promise<OutputOf<N>>;

interface GlobalOptions {
  data?: string;
  json?: boolean;
  /** `--as NAME`: the responder the command's writes are by. */
  as?: string;
}

/** What every command module gets: the global options, where to print, and the runner. */
export class Cli {
  /** The exit status of a command that succeeded (a partly failed import sets 1). */
  status = 0;
  readonly assetsDir: string;
  readonly rendererDir: string;

  /** `--json` as typed, for a usage error commander raises before it has read the options. */
  private readonly jsonTyped: boolean;

  constructor(
    readonly io: CliIo,
    private readonly program: Command,
    argv: readonly string[],
    appRoot: string,
  ) {
    ({ assetsDir: this.assetsDir, rendererDir: this.rendererDir } = appPaths(appRoot));
    const end = argv.indexOf('--');
    this.jsonTyped = (end === -1 ? argv : argv.slice(0, end)).includes('--json');
  }

  private get globals(): GlobalOptions {
    return this.program.opts<GlobalOptions>();
  }

  get json(): boolean {
    return this.globals.json === true;
  }

  /** The `--data` the user gave (undefined for the default folder), to repeat it in advice. */
  get dataOption(): string | undefined {
    return this.globals.data;
  }

  get dataDir(): string {
    return this.globals.data ?? defaultDataDir(this.io.env);
  }

  /** Runs one operation and prints its answer; the store is opened as the operation needs (see CREATING). */
  op<N extends OperationName>(name: N, input: InputOf<N>, show: Show<OutputOf<N>>): Promise<OutputOf<N>> {
    return this.run(CREATING.has(name) ? 'in-empty-folder' : 'never', (op) => op(name, input), show);
  }

  /**
   * Opens the store (created only as `create` allows), runs `work` with it,
   * closes it, and prints what `work` returned.
   */
  async run<T>(create: CreatePolicy, work: (op: Op, core: Core) => Promise<T>, show: Show<T>): Promise<T> {
    const [{ openCore }, { dispatch, operationNamed }] = await Promise.all([import('../core/core'), import('../api')]);
    const core = openCore({ dataDir: this.dataDir, assetsDir: this.assetsDir, create });
    try {
      // Who the writes are by (--as, HOLDFAST_AS), worked out at the first write: a read never needs it.
      let responder: { value: string | undefined } | undefined;
      const op: Op = async <N extends OperationName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> => {
        if ((await operationNamed(name)).access !== 'read') {
          const { cliResponder } = await import('./responder');
          responder ??= { value: cliResponder(this.globals.as, this.io.env, core) };
        }
        const result = (await dispatch(core, name, input, { role: 'responder', responder: responder?.value })) as Result<OutputOf<N>>;
        if (!result.ok) throw CliExit.of(result.error);
        return result.value;
      };
      const value = await work(op, core);
      this.print(value, show);
      return value;
    } finally {
      core.close();
    }
  }

  /** Prints a command's answer as `--json` asks. */
  print<T>(value: T, show: Show<T>): void {
    if (typeof show === 'function') this.io.stdout(this.json ? asJson(value) : show(value));
    else this.io.stdout(this.json ? show.json(value) : show.text(value));
  }

  /**
   * Says why a command failed and returns its exit status. As text: `holdfast: MESSAGE` and
   * each detail indented below it. With `--json`: one line, `{"ok":false,"error":{code, message, details}}`
   * (`field` too when the error names one), the error the API answers with. Both on stderr.
   */
  async fail(error: unknown): Promise<number> {
    const failure = error instanceof CliExit ? error : CliExit.of(toApiError(error));
    const details = [...failure.details];
    if (failure.code === 'STORE_UNREADABLE') {
      const { damagedStoreAdvice } = await import('./damaged');
      details.push(...damagedStoreAdvice(this.dataDir, this.dataOption));
    }
    this.say(failure.code, failure.message, details, failure.field);
    return failure.status;
  }

  /** One failure on stderr, as text or as the JSON error (also for commander's own usage errors). */
  say(code: ErrorCode, message: string, details: readonly string[] = [], field?: string): void {
    if (this.json || this.jsonTyped) {
      const apiError = { code, message, ...(field === undefined ? {} : { field }), details };
      this.io.stderr(`${JSON.stringify({ ok: false, error: apiError })}\n`);
      return;
    }
    this.io.stderr(`holdfast: ${message}\n${details.map((line) => `  ${line}\n`).join('')}`);
  }
}
