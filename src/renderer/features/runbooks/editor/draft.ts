import type { z } from 'zod';
import type { Runbook, RunbookLink } from '../../../../shared/runbooks';
import { SaveRunbookInput } from '../../../../shared/runbooks';
import { READABLE_BESIDE_FIELD } from '../../../../shared/issue-words';
import type { FieldErrors } from '../../../components/form-errors';

export { errorAt, type FieldErrors } from '../../../components/form-errors';

/** What the editor's fields hold, as typed: lists as comma-separated text, numbers as text. */
export interface DraftFields {
  title: string;
  summary: string;
  services: string;
  tags: string;
  owner: string;
  severity: string;
  lastReviewed: string;
  reviewIntervalDays: string;
  links: RunbookLink[];
  body: string;
  message: string;
}

/** One runbook being written or edited; kept until it is saved or discarded. */
export interface Draft {
  /** null while creating a new runbook. */
  id: number | null;
  /** The revision the edit started from; a save over a newer one is refused. */
  baseRevision: number | null;
  fields: DraftFields;
  /** The fields as they were when editing began, to tell whether anything changed. */
  original: DraftFields;
  /** When the user last typed into it (epoch ms). */
  changedAt: number;
}

/**
 * Drafts are kept by the runbook's `uid`, which no other runbook in any data
 * folder has (numeric ids repeat across folders; the desktop app keeps drafts per
 * app, not per folder).
 */
export type DraftKey = 'new' | `uid:${string}`;
export const draftKey = (runbook: Pick<Runbook, 'uid'> | null): DraftKey => (runbook ? `uid:${runbook.uid}` : 'new');

export function fieldsOf(runbook: Runbook | null): DraftFields {
  if (!runbook) {
    return {
      title: '',
      summary: '',
      services: '',
      tags: '',
      owner: '',
      severity: '',
      lastReviewed: '',
      reviewIntervalDays: '',
      links: [],
      body: '',
      message: '',
    };
  }
  const { metadata } = runbook;
  return {
    title: metadata.title,
    summary: metadata.summary,
    services: metadata.services.join(', '),
    tags: metadata.tags.join(', '),
    owner: metadata.owner,
    severity: metadata.severity,
    lastReviewed: metadata.lastReviewed ?? '',
    reviewIntervalDays: metadata.reviewIntervalDays === null ? '' : String(metadata.reviewIntervalDays),
    links: metadata.links.map((link) => ({ ...link })),
    body: runbook.body,
    message: '',
  };
}

export const isDirty = (draft: Draft): boolean => JSON.stringify(draft.fields) !== JSON.stringify(draft.original);

const splitList = (text: string): string[] =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

/**
 * The saveRunbook input a draft stands for, checked with the contract's own schema
 * so mistakes show at their field before anything is sent.
 */
export function toSaveInput(draft: Draft): { input: z.input<typeof SaveRunbookInput> } | { errors: FieldErrors } {
  const { fields } = draft;
  const errors: FieldErrors = {};
  const interval = fields.reviewIntervalDays.trim();
  if (interval !== '' && !/^\d+$/.test(interval)) errors['metadata.reviewIntervalDays'] = 'a whole number of days, like 90';
  const input: z.input<typeof SaveRunbookInput> = {
    ...(draft.id !== null ? { id: draft.id } : {}),
    ...(draft.baseRevision !== null ? { baseRevision: draft.baseRevision } : {}),
    metadata: {
      title: fields.title,
      summary: fields.summary,
      services: splitList(fields.services),
      tags: splitList(fields.tags),
      owner: fields.owner,
      severity: fields.severity,
      lastReviewed: fields.lastReviewed.trim() === '' ? null : fields.lastReviewed.trim(),
      reviewIntervalDays: interval === '' || errors['metadata.reviewIntervalDays'] ? null : Number(interval),
      // A row left completely empty is not a link.
      links: fields.links.filter((link) => link.label.trim() !== '' || link.url.trim() !== ''),
    },
    body: fields.body,
    ...(fields.message.trim() !== '' ? { message: fields.message.trim() } : {}),
  };
  const parsed = SaveRunbookInput.safeParse(input, READABLE_BESIDE_FIELD);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      errors[path] ??= issue.message;
    }
  }
  return Object.keys(errors).length > 0 ? { errors } : { input };
}

/** The draft's fields where the API's paths find them (`metadata.title` is the title field), for the form's error messages. */
export const formValues = (fields: DraftFields) => ({ metadata: fields, body: fields.body, message: fields.message });

/** The fields the form shows; an error anywhere else is shown beside the Save button. */
export const FORM_FIELDS = [
  'metadata.title',
  'metadata.summary',
  'metadata.services',
  'metadata.tags',
  'metadata.owner',
  'metadata.severity',
  'metadata.lastReviewed',
  'metadata.reviewIntervalDays',
  'metadata.links',
  'body',
  'message',
] as const;

export const isFormField = (path: string): boolean =>
  FORM_FIELDS.some((field) => path === field || path.startsWith(`${field}.`));
