import { create } from 'zustand';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';

/** Unsaved text of one section, kept for this tab until it is saved or discarded. */
export interface SectionDraft {
  text: string;
  /** The section's content when editing began, to tell whether it changed underneath. */
  base: string;
  /** When the user last typed into it (epoch ms). */
  changedAt: number;
}

/**
 * A section's draft key: the incident, the draft's creation instant (incident ids repeat
 * across data folders; the desktop app keeps one origin for all of them) and the section id.
 */
export const sectionDraftKey = (incidentId: number, createdAt: string, sectionId: string): string =>
  `${incidentId}:${createdAt}:${sectionId}`;

interface DraftsState {
  drafts: Record<string, SectionDraft>;
  begin: (key: string, base: string) => void;
  update: (key: string, text: string) => void;
  discard: (key: string) => void;
}

/** Storage that never throws: a full or missing sessionStorage must not break typing. */
const safeSessionStorage: StateStorage = {
  getItem: (name) => {
    try {
      return sessionStorage.getItem(name);
    } catch {
      return null;
    }
  },
  setItem: (name, value) => {
    try {
      sessionStorage.setItem(name, value);
    } catch {
      // Over quota: the draft stays in memory for this page.
    }
  },
  removeItem: (name) => {
    try {
      sessionStorage.removeItem(name);
    } catch {
      // Nothing to do.
    }
  },
};

/** Every section being edited, surviving a reload or leaving the screen (sessionStorage: this tab only). */
export const useSectionDrafts = create<DraftsState>()(
  persist(
    (set, get) => ({
      drafts: {},
      begin(key, base) {
        if (get().drafts[key]) return;
        set({ drafts: { ...get().drafts, [key]: { text: base, base, changedAt: Date.now() } } });
      },
      update(key, text) {
        const draft = get().drafts[key];
        if (!draft) return;
        set({ drafts: { ...get().drafts, [key]: { ...draft, text, changedAt: Date.now() } } });
      },
      discard(key) {
        const drafts = { ...get().drafts };
        delete drafts[key];
        set({ drafts });
      },
    }),
    {
      name: 'holdfast.postmortem-drafts',
      version: 1,
      storage: createJSONStorage(() => safeSessionStorage),
      partialize: (state) => ({ drafts: state.drafts }),
    },
  ),
);
