import { create } from 'zustand';

export type TimelineView = 'week' | 'month';

export interface TimelineRequest {
  schedule: string;
  /** The shown range, UTC ISO. */
  from: string;
  to: string;
}

/** The schedule screen's UI state: which range it shows (the shifts are read through ../queries.ts). */
interface ScheduleState {
  /** Whose range `view` and `anchor` are. */
  schedule: string | null;
  view: TimelineView;
  /** The first day shown (YYYY-MM-DD on the schedule's wall clock); null = today. */
  anchor: string | null;
}

export const useScheduleView = create<ScheduleState>()(() => ({ schedule: null, view: 'week', anchor: null }));

export function setView(schedule: string, view: TimelineView): void {
  const state = useScheduleView.getState();
  useScheduleView.setState(state.schedule === schedule ? { view } : { schedule, view, anchor: null });
}

export function setAnchor(schedule: string, anchor: string | null): void {
  const state = useScheduleView.getState();
  useScheduleView.setState(state.schedule === schedule ? { anchor } : { schedule, anchor, view: state.view });
}
