import type { z } from 'zod';

/**
 * zod's own messages ("Invalid input: expected array, received undefined",
 * "Too big: expected string to have <=300 characters") said in words, naming the
 * field: "`layers` is missing: a schedule needs at least one layer". Passed as
 * the `error` map of a parse (`schema.safeParse(value, READABLE)`); a message a
 * schema gives itself (`.min(1, 'a runbook needs a title')`) still wins.
 */
export const READABLE = readableFor('the input');

/** READABLE for a file, whose problems with the whole of it start "The file …" ("The file has a key it does not know: …"). */
export const READABLE_FILE = readableFor('the file');

function readableFor(whole: string) {
  return { error: (issue: RawIssue) => `${fieldLabel(issue.path ?? [], whole)} ${predicateOf(issue, issue.path ?? [])}` };
}

/**
 * The same for a message shown beside the field it is about, where naming the
 * field again would be noise: "Too long: at most 300 characters (this has 412)".
 */
export const READABLE_BESIDE_FIELD = {
  error: (issue: RawIssue) => {
    const said = predicateOf(issue, issue.path ?? []).replace(/^is /, '');
    return said.charAt(0).toUpperCase() + said.slice(1);
  },
};

type RawIssue = z.core.$ZodRawIssue;
type Path = readonly PropertyKey[];

/** `teams[0].schedules[1].layers`: a path as the file or the input writes it. */
export function formatIssuePath(path: Path): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`)).join('');
}

/** The field as a message names it: `` `teams[0].name` ``, or "The input" for the whole; cut short when junk makes it long. */
function fieldLabel(path: Path, whole = 'the input'): string {
  if (path.length === 0) return whole.charAt(0).toUpperCase() + whole.slice(1);
  const text = formatIssuePath(path);
  return `\`${text.length > 200 ? `${text.slice(0, 200)}…` : text}\``;
}

/** Whether `message` already names the field at `path` (a message from READABLE does; one a schema wrote may not). */
export const namesField = (message: string, path: Path, whole = 'the input'): boolean => message.startsWith(fieldLabel(path, whole));

/** A message that names its field (or the whole input), then says what is wrong with it. */
export function issueText(issue: { path: Path; message: string }): string {
  return namesField(issue.message, issue.path) ? issue.message : `${fieldLabel(issue.path)}: ${issue.message}`;
}

function predicateOf(issue: RawIssue, path: Path): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `is missing: ${needs(path, issue)}`;
      return `must be ${typeWords(issue.expected)}, not ${valueWords(issue.input)}`;
    case 'too_big':
      return tooBig(issue.origin, Number(issue.maximum), issue.inclusive !== false, issue.input);
    case 'too_small':
      return tooSmall(issue.origin, Number(issue.minimum), issue.inclusive !== false, issue.input, path);
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${quote(issue.values[0])}, not ${valueWords(issue.input)}`
        : `must be one of ${listWords(issue.values.map(quote), 'or')}, not ${valueWords(issue.input)}`;
    case 'unrecognized_keys': {
      const known = knownKeys(issue.inst);
      const shown = issue.keys.slice(0, 5).map((key) => `“${key.length > 60 ? `${key.slice(0, 60)}…` : key}”`);
      const keys = listWords(issue.keys.length > 5 ? [...shown, `${issue.keys.length - 5} more`] : shown, 'and');
      const allowed = known.length > 0 ? `; the keys here are ${listWords(known, 'and')}` : '';
      return `has ${issue.keys.length === 1 ? 'a key it does not know' : 'keys it does not know'}: ${keys} (misspelt?)${allowed}`;
    }
    case 'invalid_format':
      return formatWords(issue.format, issue.input);
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}, not ${valueWords(issue.input)}`;
    case 'invalid_union':
      return `is not in a form accepted here: ${valueWords(issue.input)}`;
    case 'invalid_key':
      return 'has a key that is not valid here';
    case 'invalid_element':
      return 'has an entry that is not valid here';
    default:
      return 'is not valid here';
  }
}

function tooBig(origin: string, maximum: number, inclusive: boolean, input: unknown): string {
  const limit = inclusive ? `at most ${count(maximum)}` : `less than ${count(maximum)}`;
  switch (origin) {
    case 'string':
      return `is too long: ${limit} characters${typeof input === 'string' ? ` (this has ${count(input.length)})` : ''}`;
    case 'array':
    case 'set':
      return `has too many entries: ${limit}${Array.isArray(input) ? ` (this has ${count(input.length)})` : ''}`;
    case 'file':
      return `is too large: ${limit} bytes`;
    default:
      return `is too large: ${limit}, not ${valueWords(input)}`;
  }
}

function tooSmall(origin: string, minimum: number, inclusive: boolean, input: unknown, path: Path): string {
  const limit = inclusive ? `at least ${count(minimum)}` : `more than ${count(minimum)}`;
  switch (origin) {
    case 'string':
      return minimum <= 1 && inclusive ? 'cannot be empty' : `is too short: ${limit} characters`;
    case 'array':
    case 'set': {
      const item = singular(fieldName(path));
      return minimum <= 1 && inclusive ? `is empty: ${needer(path)} at least one ${item}` : `needs ${limit} ${words(fieldName(path))}`;
    }
    default:
      return `is too small: ${limit}, not ${valueWords(input)}`;
  }
}

/** What a missing field should have held: "a schedule needs at least one layer", "give text". */
function needs(path: Path, issue: RawIssue): string {
  const expected = issue.code === 'invalid_type' ? issue.expected : '';
  const name = fieldName(path);
  if (expected === 'array') {
    const minimum = minimumOf(issue.inst);
    const item = singular(name);
    if (minimum > 1) return `${needer(path)} at least ${count(minimum)} ${words(name)}`;
    return minimum === 1 ? `${needer(path)} at least one ${item}` : `give a list of ${words(name)} (it may be empty)`;
  }
  return `${needer(path)} ${typeWords(expected)} here`;
}

/** "a schedule needs" for a field inside the n-th entry of `schedules`; "give" at the top. */
function needer(path: Path): string {
  const index = path.length - 2;
  const container = index >= 1 && typeof path[index] === 'number' ? path[index - 1] : undefined;
  return typeof container === 'string' ? `${article(singular(container))} needs` : 'give';
}

function fieldName(path: Path): string {
  const last = [...path].reverse().find((part): part is string => typeof part === 'string');
  return last ?? 'entry';
}

/** A key read as words: `escalation_policies` → "escalation policies", `handoffDay` → "handoff day". */
const words = (name: string): string => name.replaceAll('_', ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** "layers" → "layer", "policies" → "policy"; "people" stays. */
function singular(name: string): string {
  const plural = words(name);
  if (/ies$/.test(plural)) return `${plural.slice(0, -3)}y`;
  if (/[^s]s$/.test(plural)) return plural.slice(0, -1);
  return plural;
}

const article = (noun: string): string => `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  tuple: 'a list',
  set: 'a list',
  object: 'a group of keys and values',
  record: 'a group of keys and values',
  map: 'a group of keys and values',
  date: 'a date',
  null: 'empty',
  undefined: 'left out',
  nonoptional: 'a value',
};

const typeWords = (expected: string): string => TYPE_WORDS[expected] ?? `a ${expected}`;

/** A value as the message shows it: `"fixed"`, `7.5`, `a list`, `empty`. */
function valueWords(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'empty';
  if (typeof input === 'string') return input.length > 60 ? `text of ${count(input.length)} characters` : `“${input}”`;
  if (typeof input === 'number' || typeof input === 'boolean' || typeof input === 'bigint') return String(input);
  if (Array.isArray(input)) return 'a list';
  if (input instanceof Date) return 'a date';
  if (typeof input === 'object') return 'a group of keys and values';
  return typeof input;
}

const quote = (value: unknown): string => (typeof value === 'string' ? `“${value}”` : String(value));

function formatWords(format: string, input: unknown): string {
  const shown = typeof input === 'string' ? ` (${valueWords(input)})` : '';
  switch (format) {
    case 'email':
      return `is not an email address${shown}`;
    case 'url':
      return `is not a web address${shown}`;
    case 'datetime':
      return `is not a date and time such as 2026-11-27T03:00:00Z${shown}`;
    case 'date':
      return `is not a date such as 2026-11-27${shown}`;
    default:
      return `is not written the way it should be${shown}`;
  }
}

/** "a, b and c". */
function listWords(items: string[], last: 'and' | 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1) ?? ''}`;
}

const count = (value: number): string => value.toLocaleString('en');

/** The keys an object schema knows, to list beside an unknown one. */
function knownKeys(inst: unknown): string[] {
  const shape = (inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
  return shape ? Object.keys(shape).map((key) => `“${key}”`) : [];
}

/** The smallest length a list schema accepts (0 when it sets none). */
function minimumOf(inst: unknown): number {
  const checks = (inst as { _zod?: { def?: { checks?: { _zod?: { def?: { check?: unknown; minimum?: unknown } } }[] } } } | undefined)?._zod?.def?.checks ?? [];
  const minimum = checks.map((check) => check._zod?.def).find((def) => def?.check === 'min_length')?.minimum;
  return typeof minimum === 'number' ? minimum : 0;
}
