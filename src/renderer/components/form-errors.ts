import { useState } from 'react';

/** Field path (as the API names it: `title`, `metadata.links.0.url`) → what is wrong there. */
export type FieldErrors = Record<string, string>;

/** What an attempt to save found wrong: messages at fields, and one for the whole form (a refusal naming no field). */
export interface FoundErrors {
  fields?: FieldErrors;
  form?: string | null;
}

/** The messages as they were given, with what the form held then. */
export interface ReportedErrors {
  fields: FieldErrors;
  form: string | null;
  seen: { all: string; fields: Record<string, string> };
}

export const NO_ERRORS: ReportedErrors = { fields: {}, form: null, seen: { all: '', fields: {} } };

/**
 * Every form shows its validation messages by one rule: a message stays only while
 * what it is about is unchanged. A field's message goes as soon as that field
 * changes (the next save checks it again), and a message for the whole form goes
 * as soon as anything in the form changes. So "Give the incident a title" leaves
 * once a title is typed, and a form's "fix the fields marked below" (derived from
 * the field messages, never stored apart) leaves with the last of them.
 */
export function reportErrors(values: unknown, found: FoundErrors): ReportedErrors {
  const fields = found.fields ?? {};
  return {
    fields,
    form: found.form ?? null,
    seen: { all: snapshot(values), fields: Object.fromEntries(Object.keys(fields).map((path) => [path, snapshot(valueAt(values, path))])) },
  };
}

/** The reported messages that still hold for the values the form holds now. */
export function liveErrors(reported: ReportedErrors, values: unknown): { fields: FieldErrors; form: string | null } {
  const fields: FieldErrors = {};
  for (const [path, message] of Object.entries(reported.fields)) {
    if (snapshot(valueAt(values, path)) === reported.seen.fields[path]) fields[path] = message;
  }
  const form = reported.form !== null && snapshot(values) === reported.seen.all ? reported.form : null;
  return { fields, form };
}

/** The message for a field, or for anything inside it (`metadata.links` also finds `metadata.links.0.url`). */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  if (errors[path] !== undefined) return errors[path];
  const inside = Object.keys(errors).find((key) => key.startsWith(`${path}.`));
  return inside === undefined ? undefined : errors[inside];
}

export const hasErrors = (errors: FieldErrors): boolean => Object.keys(errors).length > 0;

/**
 * What a form says beside its Save button: its own message if it has one, else
 * "fix the fields marked below" while any field still shows a message, else nothing.
 */
export function formSummary(live: { fields: FieldErrors; form: string | null }): string | null {
  if (live.form !== null) return live.form;
  return hasErrors(live.fields) ? 'Fix the fields marked below, then save again.' : null;
}

/** A component's form errors, by the rule above: `values` are what the form's fields hold now. */
export function useFormErrors(values: unknown) {
  const [reported, setReported] = useState<ReportedErrors>(NO_ERRORS);
  const live = liveErrors(reported, values);
  return {
    fields: live.fields,
    form: live.form,
    summary: formSummary(live),
    errorFor: (path: string) => errorAt(live.fields, path),
    /** Shows what an attempt found, tied to the values the form holds as it is made. */
    report: (found: FoundErrors) => setReported(reportErrors(values, found)),
    clear: () => setReported(NO_ERRORS),
  };
}

/**
 * The value at a path (`links.0.url`) in a form's values; undefined where there is
 * none. A path that goes deeper than a field's value (`services.1` of a services
 * field typed as one line of text) stops at the field.
 */
function valueAt(values: unknown, path: string): unknown {
  let current = values;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return current;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

const snapshot = (value: unknown): string => JSON.stringify(value) ?? 'undefined';
