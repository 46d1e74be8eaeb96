import { create } from 'zustand';
import type { Roster, TeamBoard } from '../../../shared/rosters';
import { api } from '../../api/client';

interface OnCallState {
  roster: Roster | null;
  board: TeamBoard[] | null;
  /** The instant the board answers for when someone picked one (UTC ISO); null follows the clock. */
  pinned: string | null;
  /** The instant `board` was computed for. */
  boardAt: string | null;
  error: string | null;
  loadRoster: () => Promise<void>;
  /** Who is on call at `at`, per team. */
  loadBoard: (at: string) => Promise<void>;
  pin: (at: string | null) => void;
  /** Fetches again whatever is shown (after the roster changed anywhere). */
  refresh: () => Promise<void>;
  dismissError: () => void;
}

/** Answers can arrive out of order while someone scrubs through time; only the newest counts. */
let boardSequence = 0;
let rosterSequence = 0;

export const useOnCall = create<OnCallState>()((set, get) => ({
  roster: null,
  board: null,
  pinned: null,
  boardAt: null,
  error: null,

  async loadRoster() {
    const sequence = ++rosterSequence;
    const result = await api.getRoster({});
    if (sequence !== rosterSequence) return;
    if (result.ok) set({ roster: result.value, error: null });
    else set({ error: result.error.message });
  },

  async loadBoard(at) {
    const sequence = ++boardSequence;
    const result = await api.nowBoard({ at });
    if (sequence !== boardSequence) return;
    if (result.ok) set({ board: result.value, boardAt: at, error: null });
    else set({ error: result.error.message });
  },

  pin(at) {
    set({ pinned: at });
  },

  async refresh() {
    const at = get().boardAt;
    await Promise.all([get().loadRoster(), at ? get().loadBoard(at) : Promise.resolve()]);
  },

  dismissError() {
    set({ error: null });
  },
}));

/** Handles sorted, so each person keeps one colour on every on-call screen. */
export function personColour(roster: Roster | null, handle: string | undefined): number {
  if (!roster || !handle) return 0;
  const handles = roster.people.map((person) => person.handle).sort();
  const index = handles.indexOf(handle);
  return (index < 0 ? 0 : index) % PERSON_COLOURS;
}

export const PERSON_COLOURS = 10;
