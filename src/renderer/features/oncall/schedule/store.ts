import { create } from 'zustand';
import type { Override, ScheduleTimeline } from '../../../../shared/rosters';
import type { ApiError } from '../../../../shared/result';
import { api } from '../../../api/client';
import { downloadFile, safeFileName } from '../../../components/download';
import { useOnCall } from '../store';

export type TimelineView = 'week' | 'month';

/** Shifts are fetched this much beyond what is shown, so a shift that began before the range keeps its true start. */
const PADDING_MS = 14 * 86_400_000;

export interface TimelineRequest {
  schedule: string;
  /** The shown range, UTC ISO. */
  from: string;
  to: string;
}

interface ScheduleState {
  /** Whose range `view` and `anchor` are. */
  schedule: string | null;
  view: TimelineView;
  /** The first day shown (YYYY-MM-DD on the schedule's wall clock); null = today. */
  anchor: string | null;
  timeline: ScheduleTimeline | null;
  /** What `timeline` answers: the shown range (the timeline itself holds a wider one). */
  shown: TimelineRequest | null;
  error: string | null;
  show: (request: TimelineRequest) => Promise<void>;
  reload: () => Promise<void>;
  setView: (schedule: string, view: TimelineView) => void;
  setAnchor: (schedule: string, anchor: string | null) => void;
  createOverride: (input: { schedule: string; person: string; start: string; end: string; note: string }) => Promise<{ ok: true; value: Override } | { ok: false; error: ApiError }>;
  deleteOverride: (id: number) => Promise<void>;
  downloadIcal: (schedule: string) => Promise<void>;
  dismissError: () => void;
}

let sequence = 0;
let lastRequest: TimelineRequest | null = null;

export const useSchedule = create<ScheduleState>()((set, get) => ({
  schedule: null,
  view: 'week',
  anchor: null,
  timeline: null,
  shown: null,
  error: null,

  async show(request) {
    lastRequest = request;
    const mine = ++sequence;
    const result = await api.scheduleShifts({
      schedule: request.schedule,
      from: new Date(Date.parse(request.from) - PADDING_MS).toISOString(),
      to: new Date(Date.parse(request.to) + PADDING_MS).toISOString(),
    });
    if (mine !== sequence) return;
    if (result.ok) set({ timeline: result.value, shown: request, error: null });
    else set({ error: result.error.message });
  },

  async reload() {
    if (lastRequest) await get().show(lastRequest);
  },

  setView(schedule, view) {
    set(get().schedule === schedule ? { view } : { schedule, view, anchor: null });
  },

  setAnchor(schedule, anchor) {
    set(get().schedule === schedule ? { anchor } : { schedule, anchor, view: get().view });
  },

  async createOverride(input) {
    const result = await api.createOverride(input);
    if (result.ok) await Promise.all([get().reload(), useOnCall.getState().refresh()]);
    return result;
  },

  async deleteOverride(id) {
    const result = await api.deleteOverride({ id });
    if (!result.ok) set({ error: result.error.message });
    await Promise.all([get().reload(), useOnCall.getState().refresh()]);
  },

  async downloadIcal(schedule) {
    const result = await api.scheduleIcal({ schedule });
    if (!result.ok) return set({ error: result.error.message });
    downloadFile(`${safeFileName(schedule)}.ics`, result.value.ics, 'text/calendar');
  },

  dismissError() {
    set({ error: null });
  },
}));
