import { create } from 'zustand';
import type { Runbook, RunbookDiff, RunbookRevisionInfo } from '../../../../shared/runbooks';
import { api } from '../../../api/client';

interface HistoryState {
  runbookId: number | null;
  /** Newest first, as the core lists them. */
  revisions: RunbookRevisionInfo[] | null;
  from: number | null;
  to: number | null;
  diff: RunbookDiff | null;
  error: string | null;
  /** Loads a runbook's revisions and compares the previous one with the latest. */
  load: (id: number) => Promise<void>;
  choose: (pick: { from?: number; to?: number }) => Promise<void>;
  restore: (number: number) => Promise<Runbook | null>;
}

let diffSequence = 0;

export const useHistory = create<HistoryState>()((set, get) => ({
  runbookId: null,
  revisions: null,
  from: null,
  to: null,
  diff: null,
  error: null,

  async load(id) {
    const sameRunbook = get().runbookId === id;
    if (!sameRunbook) set({ runbookId: id, revisions: null, from: null, to: null, diff: null, error: null });
    const result = await api.listRunbookRevisions({ id });
    if (get().runbookId !== id) return;
    if (!result.ok) {
      set({ error: result.error.message });
      return;
    }
    const revisions = result.value;
    const numbers = new Set(revisions.map((revision) => revision.number));
    const latest = revisions[0]?.number ?? null;
    const previous = revisions[1]?.number ?? latest;
    // Keep the user's choice across a refresh, as long as it still exists.
    const keep = sameRunbook && get().from !== null && numbers.has(get().from ?? -1) && numbers.has(get().to ?? -1);
    set({ revisions, error: null, ...(keep ? {} : { from: previous, to: latest }) });
    await loadDiff();
  },

  async choose(pick) {
    set(pick);
    await loadDiff();
  },

  async restore(number) {
    const id = get().runbookId;
    if (id === null) return null;
    const result = await api.restoreRunbookRevision({ id, number });
    if (!result.ok) {
      set({ error: result.error.message });
      return null;
    }
    return result.value;
  },
}));

async function loadDiff(): Promise<void> {
  const { runbookId, from, to } = useHistory.getState();
  const sequence = ++diffSequence;
  if (runbookId === null || from === null || to === null || from === to) {
    useHistory.setState({ diff: null });
    return;
  }
  const result = await api.diffRunbookRevisions({ id: runbookId, from, to });
  if (sequence !== diffSequence) return;
  if (result.ok) useHistory.setState({ diff: result.value, error: null });
  else useHistory.setState({ diff: null, error: result.error.message });
}
