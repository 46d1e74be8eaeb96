import type { TimelineEvent } from '../../../../shared/incidents';

export const FILTERS = ['all', 'notes', 'key', 'steps'] as const;
export type TimelineFilter = (typeof FILTERS)[number];

export const FILTER_LABELS: Record<TimelineFilter, string> = { all: 'All', notes: 'Notes', key: 'Key', steps: 'Steps' };

const STEP_TYPES = new Set(['step_started', 'step_done', 'step_skipped', 'step_failed']);

/**
 * The same filters getTimeline offers, applied to the timeline already on
 * screen so switching is instant and a corrected event can still show its correction.
 */
export function matches(event: TimelineEvent, filter: TimelineFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'notes':
      return event.type === 'note';
    case 'key':
      return event.key;
    case 'steps':
      return STEP_TYPES.has(event.type);
  }
}

/** Marks are events about other events: they get no star and no correction of their own. */
export const isMark = (event: TimelineEvent): boolean => event.type === 'key_marked' || event.type === 'key_unmarked';

/** The event a correction replaced, as the correction's data names it. */
export const supersedes = (event: TimelineEvent): number | null =>
  event.type === 'correction' && typeof event.data.supersedes === 'number' ? event.data.supersedes : null;
