import { z } from 'zod';
import { LIMITS } from './limits';

export const ACTION_TYPES = ['mitigate', 'prevent', 'process'] as const;
export const ACTION_STATUSES = ['open', 'done', 'wont-do'] as const;
export const REVIEW_STATUSES = ['draft', 'in review', 'final'] as const;

export interface PostmortemSection {
  /** Slug of the heading, stable across regenerations. */
  id: string;
  title: string;
  /** True when the template fills this section from the incident's record. */
  fromRecord: boolean;
  /** The section's Markdown as it stands (possibly edited by a person). */
  content: string;
  /** True when someone changed it after it was generated; regenerating leaves it alone. */
  edited: boolean;
}

export interface Postmortem {
  incidentId: number;
  reviewStatus: (typeof REVIEW_STATUSES)[number];
  authors: string[];
  /** The first line of the document (the template's title line, filled in). */
  heading: string;
  sections: PostmortemSection[];
  createdAt: string;
  updatedAt: string;
}

export interface ActionItem {
  id: number;
  incidentId: number;
  incidentTitle: string;
  description: string;
  type: (typeof ACTION_TYPES)[number];
  owner: string;
  /** YYYY-MM-DD or null. */
  dueDate: string | null;
  status: (typeof ACTION_STATUSES)[number];
  link: string;
  overdue: boolean;
}

export interface IncidentMetrics {
  /** Monday of each week (UTC), with counts per severity. */
  perWeek: { week: string; SEV1: number; SEV2: number; SEV3: number; SEV4: number }[];
  /** Per incident, in minutes; null where the timestamp is missing. */
  incidents: { id: number; title: string; severity: string; services: string[]; startedAt: string; ttaMinutes: number | null; ttrMinutes: number | null }[];
  /** Mean time to acknowledge (acknowledged − detected) and to resolve (resolved − started), in minutes. */
  mtta: number | null;
  mttr: number | null;
  perService: { service: string; incidents: number; mtta: number | null; mttr: number | null }[];
  openActionItems: number;
}

const incidentId = z.number().int().positive();
const dateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date like 2026-12-31');

export const PostmortemInput = z.object({ incidentId }).strict();

export const SavePostmortemInput = z
  .object({
    incidentId,
    reviewStatus: z.enum(REVIEW_STATUSES).optional(),
    authors: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
    /** Section contents by section id; only the given sections change. */
    sections: z.record(z.string(), z.string().max(LIMITS.postmortemSectionChars)).default({}),
  })
  .strict();

export const ExportPostmortemInput = z.object({ incidentId, format: z.enum(['md', 'html']) }).strict();

export const SaveActionItemInput = z
  .object({
    id: z.number().int().positive().optional(),
    incidentId,
    description: z.string().trim().min(1, 'describe the action').max(2000),
    type: z.enum(ACTION_TYPES),
    owner: z.string().trim().max(200).default(''),
    dueDate: dateOnly.nullable().default(null),
    status: z.enum(ACTION_STATUSES).default('open'),
    link: z.string().trim().max(2000).default(''),
  })
  .strict();

export const ListActionItemsInput = z
  .object({ incidentId: incidentId.optional(), open: z.boolean().default(false), owner: z.string().trim().max(200).optional() })
  .strict();

export const MetricsInput = z
  .object({ from: dateOnly.optional(), to: dateOnly.optional() })
  .strict();
