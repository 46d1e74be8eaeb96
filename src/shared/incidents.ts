import { z } from 'zod';
import { LIMITS } from './limits';
import type { Person, PersonRef } from './rosters';
import { runbookRef, type RunbookStep } from './runbooks';

export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type IncidentStatus = (typeof STATUSES)[number];

export const STANDARD_ROLES = ['commander', 'operations', 'communications', 'scribe'] as const;

export const STEP_STATES = ['pending', 'started', 'done', 'skipped', 'failed'] as const;
export type StepState = (typeof STEP_STATES)[number];

export const EVENT_TYPES = [
  'declared',
  'acknowledged',
  'severity_changed',
  'role_assigned',
  'runbook_attached',
  'step_started',
  'step_done',
  'step_skipped',
  'step_failed',
  'note',
  'status_update',
  'status_changed',
  'correction',
  'key_marked',
  'key_unmarked',
  /** A drill inject, shown to responders as it fires. */
  'inject',
  /** The impact recorded for the SLOs: when users were first hurt, and how much (docs/slos.md). */
  'impact_changed',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** What each severity means, editable per workspace. */
export interface SeverityLevel {
  severity: Severity;
  description: string;
  /** Who gets paged, in words. */
  paging: string;
  /** How often to post a status update; the incident screen turns urgent after this long. */
  updateEveryMinutes: number;
}

export interface StatusTemplate {
  audience: 'internal' | 'external';
  /** With placeholders: {{title}} {{severity}} {{status}} {{services}} {{impact}} {{next_update}} {{summary}} {{commander}} */
  text: string;
}

export interface TimelineEvent {
  /** The store's id (unique across incidents): what operations name an event by. */
  id: number;
  /** The event's number within its incident, 1 first: what people see as "#17". */
  seq: number;
  incidentId: number;
  /** UTC ISO-8601 with milliseconds. */
  at: string;
  type: EventType;
  /** The name of the responder who logged it. */
  actor: string;
  /** Their roster handle, when they picked themselves from the roster (null for a name typed freely, and events before). */
  actorHandle: string | null;
  text: string;
  data: Record<string, unknown>;
  /** Marked as key (leads the post-mortem timeline). */
  key: boolean;
  /** The correction that replaced this event, if any; the event itself stays in history. */
  supersededBy: number | null;
}

export interface RoleAssignment {
  role: string;
  person: PersonRef;
  assignedAt: string;
}

export interface IncidentStep extends RunbookStep {
  state: StepState;
  startedAt: string | null;
  finishedAt: string | null;
  note: string;
  actor: string | null;
}

export interface AttachedRunbook {
  runbookId: number;
  title: string;
  /** The runbook's revision when it was attached: the steps are as they were then. */
  revision: number;
  attachedAt: string;
  steps: IncidentStep[];
}

export interface IncidentSummary {
  id: number;
  title: string;
  severity: Severity;
  status: IncidentStatus;
  services: string[];
  drill: boolean;
  startedAt: string;
  resolvedAt: string | null;
  /** When the last status update was posted, or null. */
  lastUpdateAt: string | null;
  commander: PersonRef | null;
}

/** A field two machines may change at once (docs/sync.md). */
export const CONCURRENT_FIELDS = ['status', 'severity'] as const;
export type ConcurrentField = (typeof CONCURRENT_FIELDS)[number];

/**
 * A field changed on two machines without either seeing the other's change:
 * every change nobody has followed yet (its *heads*), in timeline order, with
 * different values. Flagged for the commander, never silently settled.
 */
export interface ConcurrentChange {
  field: ConcurrentField;
  changes: { uid: string; value: string; actor: string; at: string }[];
}

export interface Incident extends IncidentSummary {
  detectedAt: string;
  declaredAt: string;
  acknowledgedAt: string | null;
  mitigatedAt: string | null;
  /** When users were first hurt, when that was before the incident's start; null: from its start. */
  impactStartedAt: string | null;
  /** A partial impact, 0–100 % of users or requests; null: a full outage. Counted into the services' SLOs. */
  impactPercent: number | null;
  resolutionSummary: string;
  /** The zone the incident's times are shown in beside UTC (the workspace's zone when declared). */
  timeZone: string;
  roles: RoleAssignment[];
  runbooks: AttachedRunbook[];
  eventCount: number;
  /** Severity's update cadence in minutes. */
  updateEveryMinutes: number;
  /** Status or severity changed on two machines at once, waiting for the commander to choose (empty normally). */
  concurrent: ConcurrentChange[];
}

export interface ResponderSuggestion {
  team: string;
  service: string;
  schedule: string;
  onCall: Person | null;
  /** Why nobody can be named: the stored schedule cannot be worked out (see OnCallEntry.problem). */
  problem?: string;
  escalation: (Person & { level: number; via: string })[];
}

export interface IncidentSettings {
  severities: SeverityLevel[];
  templates: StatusTemplate[];
}

const actor = z.string().trim().min(1).max(100).optional();
const incidentId = z.number().int().positive();
/** An ISO-8601 instant with its zone, as every input that names an instant takes it. */
export const isoInstant = z
  .string()
  .trim()
  .refine((value) => /T/.test(value) && /(Z|[+-]\d{2}:?\d{2})$/i.test(value) && !Number.isNaN(Date.parse(value)), {
    message: 'use an ISO-8601 instant with a zone, e.g. 2026-11-27T03:00:00Z',
  });
const text = (max: number) => z.string().trim().min(1, 'cannot be empty').max(max);
/** A note as typed or pasted, kept exactly (a log's indentation and blank lines are its meaning); only blank is refused. */
const noteText = z
  .string()
  .max(LIMITS.noteChars)
  .refine((value) => value.trim() !== '', 'cannot be empty');

export const DeclareIncidentInput = z
  .object({
    title: text(300),
    severity: z.enum(SEVERITIES),
    services: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
    startedAt: isoInstant.optional(),
    detectedAt: isoInstant.optional(),
    drill: z.boolean().default(false),
    timeZone: z.string().trim().min(1).max(100).optional(),
    actor,
  })
  .strict();

export const ListIncidentsInput = z
  .object({ open: z.boolean().default(false), includeDrills: z.boolean().default(false) })
  .strict();

export const IncidentIdInput = z.object({ id: incidentId }).strict();

export const TimelineInput = z
  .object({ id: incidentId, filter: z.enum(['all', 'notes', 'key', 'steps']).default('all') })
  .strict();

export const LogNoteInput = z.object({ id: incidentId, text: noteText, actor }).strict();

export const ChangeSeverityInput = z.object({ id: incidentId, severity: z.enum(SEVERITIES), actor }).strict();

export const AssignRoleInput = z
  .object({
    id: incidentId,
    role: z.string().trim().min(1).max(50),
    person: z.object({ handle: z.string().trim().max(100).default(''), name: text(200) }).strict(),
    actor,
  })
  .strict();

export const AttachRunbookInput = z.object({ id: incidentId, runbookId: runbookRef, actor }).strict();

export const SetStepStateInput = z
  .object({
    id: incidentId,
    runbookId: runbookRef,
    stepId: z.string().min(1).max(100),
    state: z.enum(['started', 'done', 'skipped', 'failed']),
    note: z.string().trim().max(LIMITS.stepNoteChars).default(''),
    actor,
  })
  .strict();

export const ChangeStatusInput = z
  .object({ id: incidentId, status: z.enum(STATUSES), summary: z.string().trim().max(LIMITS.summaryChars).optional(), actor })
  .strict();

/** The commander's choice between a field's concurrent changes: the uid of the change to keep (from `Incident.concurrent`). */
export const SettleConcurrentInput = z
  .object({
    id: incidentId,
    field: z.enum(CONCURRENT_FIELDS),
    uid: z.string().trim().min(1, 'name the change to keep by its uid, as the incident lists it under concurrent').max(100),
    actor,
  })
  .strict();

/**
 * The impact an incident's services' SLOs count: `impactStartedAt` null counts
 * from the incident's start, `impactPercent` null is a full outage.
 */
export const SetImpactInput = z
  .object({
    id: incidentId,
    impactStartedAt: isoInstant.nullable(),
    impactPercent: z.number({ error: 'write the share of users or requests hurt, 0 to 100' }).min(0, 'cannot be below 0 %').max(100, 'cannot be over 100 %').nullable(),
    actor,
  })
  .strict();

export const AcknowledgeInput = z.object({ id: incidentId, actor }).strict();

export const StatusUpdateInput = z
  .object({ id: incidentId, audience: z.enum(['internal', 'external']), text: text(LIMITS.statusUpdateChars), actor })
  .strict();

export const DraftStatusUpdateInput = z
  .object({
    id: incidentId,
    audience: z.enum(['internal', 'external']),
    impact: z.string().trim().max(LIMITS.impactChars).default(''),
    nextUpdateMinutes: z.number().int().min(1).max(1440).optional(),
  })
  .strict();

export const MarkKeyInput = z.object({ id: incidentId, eventId: z.number().int().positive(), key: z.boolean(), actor }).strict();

export const CorrectEventInput = z.object({ id: incidentId, eventId: z.number().int().positive(), text: noteText, actor }).strict();

export const SuggestRunbooksInput = z.object({ id: incidentId, query: z.string().max(500).default('') }).strict();

export const UpdateIncidentSettingsInput = z
  .object({
    severities: z
      .array(
        z
          .object({
            severity: z.enum(SEVERITIES),
            description: z.string().trim().max(500),
            paging: z.string().trim().max(500),
            updateEveryMinutes: z.number().int().min(1).max(1440),
          })
          .strict(),
      )
      .length(4, 'give all four severities')
      .optional(),
    templates: z
      .array(z.object({ audience: z.enum(['internal', 'external']), text: text(5000) }).strict())
      .max(2)
      .optional(),
  })
  .strict();

export const SearchIncidentsInput = z
  .object({
    query: z.string().max(500).default(''),
    service: z.string().trim().min(1).max(100).optional(),
    severity: z.enum(SEVERITIES).optional(),
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date like 2026-11-01').optional(),
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date like 2026-11-30').optional(),
    includeDrills: z.boolean().default(false),
    limit: z.number().int().min(1).max(500).default(50),
  })
  .strict();
