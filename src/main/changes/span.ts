import type { Change } from '../../shared/changes';
import type { ChangeProgress } from './walk';

/** A stretch of time [start, end) in epoch milliseconds. */
export interface Span {
  start: number;
  end: number;
}

export const plannedSpan = (change: Pick<Change, 'window'>): Span => ({ start: Date.parse(change.window.start), end: Date.parse(change.window.end) });

/**
 * When the change touches production: its planned window, stretched to an
 * earlier actual start, a later actual finish, or (still in progress past its
 * planned end) until now.
 */
export function activeSpan(change: Pick<Change, 'window'>, progress: ChangeProgress, now: number): Span {
  const planned = plannedSpan(change);
  const start = Math.min(planned.start, progress.startedAt ?? planned.start);
  const until = progress.finishedAt ?? (progress.state === 'in-progress' ? Math.max(now, planned.end) : planned.end);
  return { start, end: Math.max(planned.end, until) };
}

export const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** The part two spans share (call only when they overlap). */
export const intersection = (a: Span, b: Span): Span => ({ start: Math.max(a.start, b.start), end: Math.min(a.end, b.end) });
