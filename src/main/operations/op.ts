/**
 * How a domain declares an operation, once: its input schema, a summary, who may
 * call it, the change events it causes and its handler. Each domain's `ops.ts`
 * exports its set (`src/main/<domain>/ops.ts`); `src/main/api.ts` merges the sets
 * and dispatches; the contract every adapter and the renderer use is derived from
 * the merged table (src/shared/contract.ts).
 */
import type { z } from 'zod';
import type { Session } from '../../shared/access';
import type { ChangeEventBody } from '../../shared/events';
import type { Domain } from '../core/domain-names';

/**
 * Who may call an operation, and what it does:
 * - `read`: anyone, a viewer (the read-only link of `holdfast web`) too; it changes nothing.
 * - `write`: a responder only; it changes stored data, so it declares the change
 *   events that tell every open console (a test enumerates every write and checks it emits).
 * - `script`: a responder only; it reads a drill's script (scenarios, injects
 *   before they fire, facilitator notes), which responders in a drill must not see coming.
 * - `effect`: a responder only; it changes no stored data, but writes files on the
 *   machine Holdfast runs on or costs seconds of work a wall display must not ask for.
 */
export type Access = 'read' | 'write' | 'script' | 'effect';

type Handler<I extends z.ZodType, O, C> = (input: z.output<I>, context: C, session: Session) => O | Promise<O>;

interface Declared<I extends z.ZodType, O, C> {
  /** The zod schema of the input: the single source of the input's type and of its validation messages. */
  input: I;
  /** What it does, in a sentence; also said in an unforeseen failure ("while working on …"). */
  summary: string;
  /** Runs after the input parsed; it throws a HoldfastError for what the caller can fix. */
  handler: Handler<I, O, C>;
  /**
   * Code a read needs beyond its domain's service (src/main/core/domains.ts), loaded before it runs; a
   * write loads every domain anyway.
   */
  loads?: readonly Domain[];
}

/**
 * A write declares what it changed, as change events derived from its input and
 * output (the dispatcher emits them after the handler succeeded, never on a
 * failure); other classes change nothing and emit nothing.
 */
export type Operation<I extends z.ZodType = z.ZodType, O = unknown, C = never> = Declared<I, O, C> &
  (
    | { access: 'write'; emits: (input: z.output<I>, output: O) => readonly ChangeEventBody[] }
    | { access: Exclude<Access, 'write'>; emits?: undefined }
  );

/**
 * The `op` of one handler context: `op({ input, summary, access, handler, emits })`
 * keeps the input, output and context types of the declaration. Write `emits`
 * after `handler`: its `output` parameter takes the handler's result type.
 */
export const opsOver =
  <C>() =>
  <I extends z.ZodType, O>(declaration: Operation<I, O, C>): Operation<I, O, C> =>
    declaration;

/** A declared operation whatever its types: what the dispatcher runs, on input its own schema parsed. */
export interface AnyOperation {
  readonly input: z.ZodType;
  readonly summary: string;
  readonly access: Access;
  readonly handler: (input: never, context: never, session: Session) => unknown;
  readonly emits?: ((input: never, output: never) => readonly ChangeEventBody[]) | undefined;
  readonly loads?: readonly Domain[] | undefined;
}

type Merged<T extends readonly object[]> = T extends readonly [infer Head, ...infer Rest extends readonly object[]] ? Head & Merged<Rest> : unknown;
type Repeated<T extends readonly object[], Seen = never> = T extends readonly [infer Head, ...infer Rest extends readonly object[]]
  ? Extract<keyof Head, Seen> | Repeated<Rest, Seen | keyof Head>
  : never;
/** Unknown when no name is declared twice; otherwise a type no set matches, naming the duplicates in the compiler's message. */
type NoRepeats<T extends readonly object[]> = [Repeated<T>] extends [never] ? unknown : { 'declared more than once': Repeated<T> };

/**
 * Merges op sets into one table, like Actual's `combine`. An operation name
 * declared in two sets is a compile error naming it (and, for sets built at run
 * time, an error on start).
 */
export function combine<const T extends readonly object[]>(...sets: T & NoRepeats<T>): { [K in keyof Merged<T>]: Merged<T>[K] } {
  const table: Record<string, unknown> = {};
  for (const set of sets as readonly object[]) {
    for (const [name, operation] of Object.entries(set)) {
      if (Object.hasOwn(table, name)) throw new Error(`The operation ${name} is declared twice.`);
      table[name] = operation;
    }
  }
  return table as { [K in keyof Merged<T>]: Merged<T>[K] };
}
