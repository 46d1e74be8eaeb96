import { ResponderIdentity } from '../../shared/sync';
import { READABLE_BESIDE_FIELD } from '../../shared/issue-words';
import { HoldfastError } from '../errors';

/**
 * Who is writing: each responder under their own name. In order of precedence:
 * `--as NAME` on a CLI command, `HOLDFAST_AS` in its environment, the identity
 * this browser (web mode) or this OS user (desktop) chose once, and last the
 * Settings name. The viewer link writes nothing and stays anonymous.
 */
export type IdentitySource = 'flag' | 'environment' | 'browser' | 'settings';

export interface Responder extends ResponderIdentity {
  source: IdentitySource;
}

/** A person of the roster, as identity matching needs them. */
export interface RosterPerson {
  handle: string;
  name: string;
}

export interface IdentityInputs {
  /** `--as NAME`. */
  as?: string | undefined;
  env?: NodeJS.ProcessEnv;
  /** The identity this browser or OS user chose (null: not asked yet, or the CLI). */
  chosen?: ResponderIdentity | null;
  /** The Settings name (the workspace author, by default the OS user's name). */
  settingsName: string;
  roster?: readonly RosterPerson[];
}

/**
 * The responder a write is by. A name that is a roster handle or a person's
 * name (any case) is that person: their name, with their handle. A given name
 * that cannot be a name (blank, over 100 characters, control characters) is
 * refused, saying where it came from.
 */
export function resolveResponder(inputs: IdentityInputs): Responder {
  const roster = inputs.roster ?? [];
  const given: [IdentitySource, string | undefined][] = [
    ['flag', inputs.as],
    ['environment', inputs.env?.HOLDFAST_AS],
  ];
  for (const [source, value] of given) {
    if (value === undefined || (source === 'environment' && value.trim() === '')) continue;
    return { ...fromName(value, source, roster), source };
  }
  if (inputs.chosen) return { ...checked(inputs.chosen, 'browser'), source: 'browser' };
  return { ...fromName(inputs.settingsName, 'settings', roster), source: 'settings' };
}

const WHERE: Record<IdentitySource, string> = {
  flag: '--as',
  environment: 'HOLDFAST_AS',
  browser: 'this console',
  settings: 'the name in Settings',
};

/** What to do about a name that cannot be used, by where it came from. */
const REMEDY: Record<IdentitySource, string> = {
  flag: '',
  environment: '',
  browser: ' Choose your name again with the name button at the top of the console.',
  settings: ' Change it in Settings (holdfast settings --author NAME).',
};

function fromName(raw: string, source: IdentitySource, roster: readonly RosterPerson[]): ResponderIdentity {
  const name = raw.trim();
  const lower = name.toLowerCase();
  const person = roster.find((candidate) => candidate.handle.toLowerCase() === lower) ?? roster.find((candidate) => candidate.name.toLowerCase() === lower);
  return checked(person ? { name: person.name, handle: person.handle } : { name, handle: null }, source);
}

function checked(identity: unknown, source: IdentitySource): ResponderIdentity {
  const name = typeof identity === 'object' && identity !== null && 'name' in identity ? identity.name : null;
  if (typeof name === 'string' && /\p{Cc}/u.test(name)) {
    throw new HoldfastError('VALIDATION', `The responder name from ${WHERE[source]} has a control character (a line break or tab): give a name on one line.${REMEDY[source]}`, source === 'flag' ? 'as' : undefined);
  }
  const parsed = ResponderIdentity.safeParse(identity, READABLE_BESIDE_FIELD);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => issue.message.charAt(0).toLowerCase() + issue.message.slice(1)).join('; ');
    throw new HoldfastError('VALIDATION', `The responder name from ${WHERE[source]} cannot be used: ${problems}.${REMEDY[source]}`, source === 'flag' ? 'as' : undefined);
  }
  return parsed.data;
}

/**
 * The identity a console sent with a call (`encodeResponder`, src/shared/sync.ts);
 * null when there is none; one that is not an identity is refused in words.
 */
export function decodeResponder(header: string | undefined): ResponderIdentity | null {
  if (header === undefined || header.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(decodeURIComponent(header));
  } catch {
    throw new HoldfastError('VALIDATION', 'This console’s responder name could not be read: choose your name again (the name button at the top of the console).');
  }
  return checked(value, 'browser');
}
