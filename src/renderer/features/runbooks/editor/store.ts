import { create } from 'zustand';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import type { Runbook } from '../../../../shared/runbooks';
import { readOp } from '../../../api/queries';
import { saveRunbook } from '../mutations';
import { NO_ERRORS, reportErrors, type FieldErrors, type ReportedErrors } from '../../../components/form-errors';
import { draftKey, fieldsOf, formValues, isDirty, isFormField, toSaveInput, type Draft, type DraftFields, type DraftKey } from './draft';

export interface SaveProblem {
  message: string;
  /** Someone saved a newer revision since this edit began. */
  conflict: boolean;
}

interface EditorState {
  /** Every unsaved draft, by runbook id ('new' for one not saved yet). Survives leaving the editor and reloads. */
  drafts: Partial<Record<DraftKey, Draft>>;
  /** Drafts found with unsaved changes when the editor opened, so the editor can say so. */
  restored: Partial<Record<DraftKey, true>>;
  /** What the last save found wrong, shown by the forms' one rule (components/form-errors.ts). */
  errors: ReportedErrors;
  /** Someone saved first: stays until the next save, whatever is typed. */
  conflict: SaveProblem | null;
  saving: boolean;
  /** Opens the draft of a runbook (or of a new one), keeping unsaved changes from before. */
  begin: (runbook: Runbook | null) => void;
  update: (key: DraftKey, patch: Partial<DraftFields>) => void;
  discard: (key: DraftKey) => void;
  /** Starts over from the stored runbook, dropping the draft's changes. */
  reset: (runbook: Runbook | null) => void;
  /** Saves a new revision; resolves to the saved runbook, or null with the errors shown. */
  save: (key: DraftKey, options?: { overNewer?: boolean }) => Promise<Runbook | null>;
}

/** Storage that never throws: a full or missing localStorage must not break typing. */
const safeLocalStorage: StateStorage = {
  getItem: (name) => {
    try {
      return localStorage.getItem(name);
    } catch {
      return null;
    }
  },
  setItem: (name, value) => {
    try {
      localStorage.setItem(name, value);
    } catch {
      // Over quota: the draft stays in memory for this session.
    }
  },
  removeItem: (name) => {
    try {
      localStorage.removeItem(name);
    } catch {
      // Nothing to do.
    }
  },
};

const newDraft = (runbook: Runbook | null): Draft => {
  const fields = fieldsOf(runbook);
  return {
    id: runbook?.id ?? null,
    baseRevision: runbook?.revision ?? null,
    fields,
    original: structuredClone(fields),
    changedAt: Date.now(),
  };
};

export const useEditor = create<EditorState>()(
  persist(
    (set, get) => ({
      drafts: {},
      restored: {},
      errors: NO_ERRORS,
      conflict: null,
      saving: false,

      begin(runbook) {
        const key = draftKey(runbook);
        const existing = get().drafts[key];
        const keep = existing !== undefined && isDirty(existing);
        set({
          // A kept draft saves to this runbook's id (the same uid may have another id in another data folder).
          drafts: { ...get().drafts, [key]: keep ? { ...existing, id: runbook?.id ?? null } : newDraft(runbook) },
          restored: keep ? { ...get().restored, [key]: true } : withoutKey(get().restored, key),
          errors: NO_ERRORS,
          conflict: null,
          saving: false,
        });
      },

      update(key, patch) {
        const draft = get().drafts[key];
        if (!draft) return;
        const fields = { ...draft.fields, ...patch };
        set({ drafts: { ...get().drafts, [key]: { ...draft, fields, changedAt: Date.now() } } });
      },

      discard(key) {
        set({ drafts: withoutKey(get().drafts, key), restored: withoutKey(get().restored, key), errors: NO_ERRORS, conflict: null });
      },

      reset(runbook) {
        const key = draftKey(runbook);
        set({
          drafts: { ...get().drafts, [key]: newDraft(runbook) },
          restored: withoutKey(get().restored, key),
          errors: NO_ERRORS,
          conflict: null,
        });
      },

      async save(key, options = {}) {
        let draft = get().drafts[key];
        if (!draft || get().saving) return null;
        set({ saving: true });
        if (options.overNewer && draft.id !== null) {
          // The newer revision stays in History; this save goes on top of it.
          const latest = await readOp('getRunbook', { id: draft.id }, { fresh: true });
          if (!latest.ok) return fail(set, draft, { form: latest.error.message });
          draft = { ...draft, baseRevision: latest.value.revision };
          set({ drafts: { ...get().drafts, [key]: draft } });
        }
        const checked = toSaveInput(draft);
        if ('errors' in checked) return fail(set, draft, sortErrors(checked.errors));
        const result = await saveRunbook(checked.input);
        if (!result.ok) {
          const { code, message, field } = result.error;
          if (code === 'CONFLICT') {
            set({ saving: false, errors: NO_ERRORS, conflict: { message, conflict: true } });
            return null;
          }
          return fail(set, draft, field !== undefined && isFormField(field) ? { fields: { [field]: message } } : { form: message });
        }
        set({
          saving: false,
          errors: NO_ERRORS,
          conflict: null,
          drafts: withoutKey(get().drafts, key),
          restored: withoutKey(get().restored, key),
        });
        return result.value;
      },
    }),
    {
      name: 'holdfast.drafts',
      version: 1,
      storage: createJSONStorage(() => safeLocalStorage),
      partialize: (state) => ({ drafts: state.drafts }),
    },
  ),
);

function fail(set: (partial: Partial<EditorState>) => void, draft: Draft, found: { fields?: FieldErrors; form?: string }): null {
  set({ saving: false, errors: reportErrors(formValues(draft.fields), found), conflict: null });
  return null;
}

/** Errors at the form's fields stay there; any the form has no field for are listed beside Save instead. */
function sortErrors(errors: FieldErrors): { fields: FieldErrors; form?: string } {
  const fields = Object.fromEntries(Object.entries(errors).filter(([path]) => isFormField(path)));
  const other = Object.entries(errors).filter(([path]) => !isFormField(path));
  return other.length === 0 ? { fields } : { fields, form: other.map(([path, message]) => `${path || 'input'}: ${message}`).join('; ') };
}

function withoutKey<T extends object>(record: T, key: string): T {
  const copy = { ...record } as Record<string, unknown>;
  delete copy[key];
  return copy as T;
}
