import { z } from 'zod';
import { EVENT_TYPES, SEVERITIES } from './incidents';

/**
 * Team sync through git (docs/sync.md): the shapes that cross the boundary
 * (what `holdfast sync` prints, the files of the shared workspace, a
 * responder's identity). Logic lives in src/main/sync.
 */

/** A ULID: 26 Crockford base-32 characters, the first ten its millisecond time. */
export const ULID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;
export const uid = z.string().regex(ULID_PATTERN, 'is not a ULID (26 letters and digits, e.g. 01JD2Q5M8X3R4T6V7W8Y9Z0ABC)');

const isoInstant = z.string().refine((value) => /T/.test(value) && /(Z|[+-]\d{2}:?\d{2})$/i.test(value) && !Number.isNaN(Date.parse(value)), {
  message: 'use an ISO-8601 instant with a zone, e.g. 2026-11-27T03:00:00Z',
});

/** What kind of file of the workspace a path is (layout.ts classifies paths). */
export const SYNC_KINDS = ['runbook', 'roster', 'drill', 'slo', 'change', 'change-log', 'windows', 'incident', 'event', 'other'] as const;
export type SyncKind = (typeof SYNC_KINDS)[number];

/** Why a path needs a person: two versions git could not put together, an entry both sides changed, two concurrent status changes. */
export const CONFLICT_KINDS = ['runbook', 'entry', 'field', 'file', 'unreadable'] as const;
export const SyncConflict = z
  .object({
    path: z.string(),
    kind: z.enum(CONFLICT_KINDS),
    /** In words: what differs and where (the entry's key, the field, the line). */
    detail: z.string(),
  })
  .strict();
export type SyncConflict = z.infer<typeof SyncConflict>;

/** Counts of what a sync brought in, by kind (`runbooks`, `incidents`, `events`, …). */
export const PulledCounts = z.record(z.string(), z.number().int().nonnegative());
export type PulledCounts = z.infer<typeof PulledCounts>;

/** What `holdfast sync` prints. */
export const SyncReport = z.object({ pulled: PulledCounts, pushed: z.number().int().nonnegative(), conflicts: z.array(SyncConflict) }).strict();
export type SyncReport = z.infer<typeof SyncReport>;

/** What `holdfast sync status` prints. */
export const SyncStatus = z
  .object({
    remote: z.string().nullable(),
    lastSync: isoInstant.nullable(),
    ahead: z.number().int().nonnegative(),
    behind: z.number().int().nonnegative(),
    conflicts: z.array(SyncConflict),
  })
  .strict();
export type SyncStatus = z.infer<typeof SyncStatus>;

/** `holdfast sync resolve PATH --mine|--theirs|--file FILE`. */
export const ResolveChoice = z.discriminatedUnion('take', [
  z.object({ take: z.literal('mine') }).strict(),
  z.object({ take: z.literal('theirs') }).strict(),
  z.object({ take: z.literal('content'), content: z.string() }).strict(),
]);
export type ResolveChoice = z.infer<typeof ResolveChoice>;

/** The name a responder writes under: typed once, or picked from the roster (then with its handle). */
export const ResponderIdentity = z
  .object({
    name: z.string().trim().min(1, 'cannot be empty').max(100),
    handle: z.string().trim().min(1).max(100).nullable().default(null),
  })
  .strict();
export type ResponderIdentity = z.infer<typeof ResponderIdentity>;

/**
 * A console's identity travels with each of its calls in this header (web mode)
 * or beside the input (desktop), as URI-encoded JSON (names are not ASCII only).
 */
export const RESPONDER_HEADER = 'x-holdfast-responder';

export const encodeResponder = (identity: ResponderIdentity): string => encodeURIComponent(JSON.stringify(ResponderIdentity.parse(identity)));

/** `incidents/<incident-uid>/incident.yaml`: what an incident is, apart from its timeline. */
export const IncidentFile = z
  .object({
    uid,
    title: z.string().trim().min(1, 'cannot be empty').max(300),
    severity: z.enum(SEVERITIES),
    services: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
    drill: z.boolean().default(false),
    started_at: isoInstant,
    detected_at: isoInstant,
    declared_at: isoInstant,
    time_zone: z.string().min(1),
  })
  .strict();
export type IncidentFile = z.infer<typeof IncidentFile>;

/** `incidents/<incident-uid>/events/<event-uid>.json`: one timeline event, written once and never changed. */
export const EventFile = z
  .object({
    uid,
    incident: uid,
    at: isoInstant,
    type: z.enum(EVENT_TYPES),
    actor: z.string().min(1).max(100),
    /** The roster handle of the responder, when they picked themselves from the roster. */
    actor_handle: z.string().min(1).max(100).nullable().default(null),
    text: z.string(),
    data: z.record(z.string(), z.unknown()).default({}),
    /** For a correction: the uid of the event it corrects. */
    supersedes: uid.nullable().default(null),
  })
  .strict();
export type EventFile = z.infer<typeof EventFile>;

/** `holdfast sync init REMOTE`: any address git accepts, or a path on a shared disk. */
export const SyncInitInput = z
  .object({
    remote: z
      .string()
      .trim()
      .min(1, 'name the team’s git remote: an address git accepts (git@host:team/holdfast.git, https://…) or a path')
      .max(2000)
      .refine((value) => !value.startsWith('-'), 'a remote cannot start with "-"; write a path as ./-name'),
  })
  .strict();

/** A path of the workspace with an open conflict (`runbooks/db/replication-lag.md`). */
export const SyncPathInput = z.object({ path: z.string().trim().min(1, 'name the conflicted file, as `holdfast sync status` lists it').max(1000) }).strict();

/** `holdfast sync resolve PATH --mine|--theirs|--file FILE`. */
export const SyncResolveInput = z.object({ path: SyncPathInput.shape.path, choice: ResolveChoice }).strict();
