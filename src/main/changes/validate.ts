import { z } from 'zod';
import {
  ChangeEventInput,
  NewChangeInput,
  Override,
  WindowInput,
  type NewChange,
  type RunbookRef,
  type WindowInputValue,
} from '../../shared/changes';
import { READABLE } from '../../shared/issue-words';
import { validationError, type HoldfastError } from '../errors';
import { isKnownZone } from '../rosters/time';
import type { PinnedRunbook } from './rules/context';
import { windowProblems } from './windows';

/**
 * Input checks beyond shape: the services, runbooks and people a change names
 * exist, zones and crons are real. Every refusal names the field, says what is
 * wrong and what to do, and is raised before anything is stored.
 */

export interface ChangeReferences {
  /** The services Holdfast knows (from runbooks, teams and incidents); undefined skips the check. */
  services?: ReadonlySet<string>;
  runbooks: (ref: RunbookRef) => PinnedRunbook | null | undefined;
  roster: { people: readonly { handle: string }[] };
}

interface Problem {
  path: (string | number)[];
  message: string;
}

/** The problems as one refusal in the words every operation uses (errors.ts's validationError). */
function refusal(problems: Problem[]): HoldfastError {
  return validationError(new z.ZodError(problems.map((problem) => ({ code: 'custom' as const, input: undefined, ...problem }))));
}

function parsed<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input, READABLE);
  if (!result.success) throw validationError(result.error);
  return result.data;
}

/** A new change, checked whole: its shape, then what it refers to. Throws a HoldfastError naming each bad field. */
export function parseNewChange(input: unknown, references: ChangeReferences): NewChange {
  const change = parsed(NewChangeInput, input);
  const problems = referenceProblems(change, references);
  if (problems.length > 0) throw refusal(problems);
  return change;
}

export function referenceProblems(change: NewChange, references: ChangeReferences): Problem[] {
  const problems: Problem[] = [];
  const known = references.services;
  change.services.forEach((service, i) => {
    if (known && !known.has(service)) {
      problems.push({ path: ['services', i], message: `"${service}" is not a service Holdfast knows (from runbooks, teams or incidents); check the spelling` });
    }
  });
  if (!isKnownZone(change.window.zone)) {
    problems.push({ path: ['window', 'zone'], message: `"${change.window.zone}" is not a time zone the tz database knows (e.g. Europe/London)` });
  }
  const handles = new Set(references.roster.people.map((person) => person.handle));
  for (const role of ['owner', 'approver'] as const) {
    const handle = change[role];
    if (handle !== null && !handles.has(handle)) problems.push({ path: [role], message: `"${handle}" is not the handle of anyone on the roster` });
  }
  for (const role of ['plan', 'rollback'] as const) {
    const ref = change[role];
    if (!ref) continue;
    const runbook = references.runbooks(ref);
    if (!runbook) {
      problems.push({ path: [role, 'runbookId'], message: `runbook #${ref.runbookId} revision ${ref.revision} is not in the library; give a runbook id from \`holdfast runbooks list\`` });
    } else if ('section' in ref && ref.section !== undefined && !runbook.sections.some((section) => section.id === ref.section)) {
      const sections = runbook.sections.map((section) => section.id).slice(0, 10).join(', ');
      problems.push({ path: [role, 'section'], message: `"${ref.section}" is not a section of "${runbook.title}"${sections ? ` (its sections: ${sections})` : ''}` });
    }
  }
  return problems;
}

/** A window to add: its shape, then its zone, cron and duration. */
export function parseWindow(input: unknown): WindowInputValue {
  const window = parsed(WindowInput, input);
  const problems: Problem[] = windowProblems(window).map((problem) => ({ path: [problem.field], message: problem.message }));
  if (problems.length > 0) throw refusal(problems);
  return window;
}

/** An override as asked by `by`: rule, reason and a second person on the roster. */
export function parseOverride(input: object, by: string, roster: ChangeReferences['roster']): Override {
  const override = parsed(Override, { ...input, by });
  if (!roster.people.some((person) => person.handle === override.approver)) {
    throw refusal([{ path: ['approver'], message: `"${override.approver}" is not the handle of anyone on the roster` }]);
  }
  return override;
}

/** One change event posted to the local API (the JSON Lines import reads the same shape line by line). */
export const parseChangeEvent = (input: unknown): z.output<typeof ChangeEventInput> => parsed(ChangeEventInput, input);
