import { create } from 'zustand';
import { api } from '../../api/client';
import { useWorkspace } from '../workspace/store';

interface BreakGlassState {
  busy: boolean;
  /** What the last action did, for the status line. */
  message: string | null;
  /** Why the last action failed, shown under the folder field. */
  error: string | null;
  /** Keeps the file in `folder` (written at once); an empty folder stops keeping it. */
  keepIn: (folder: string) => Promise<void>;
  /** Writes the file into the chosen folder now. */
  writeNow: (folder: string) => Promise<void>;
}

/** The break-glass setting as the Backups screen changes it; the status itself lives in the workspace info. */
export const useBreakGlass = create<BreakGlassState>()((set, get) => ({
  busy: false,
  message: null,
  error: null,
  keepIn: async (folder) => {
    if (get().busy) return;
    set({ busy: true, message: null, error: null });
    const result = await api.updateSettings({ breakGlassPath: folder.trim() || null });
    if (!result.ok) {
      set({ busy: false, error: result.error.message });
      return;
    }
    useWorkspace.setState({ info: result.value, error: null });
    const file = result.value.breakGlass.file;
    set({ busy: false, message: file ? `Wrote ${file}; it will be kept up to date there.` : 'The break-glass file is no longer kept up to date.' });
  },
  writeNow: async (folder) => {
    if (get().busy) return;
    set({ busy: true, message: null, error: null });
    const result = await api.exportBreakGlass({ dir: folder });
    set(
      result.ok
        ? { busy: false, message: `Wrote ${result.value.file} (${result.value.runbooks} runbooks, ${result.value.schedules} schedules).` }
        : { busy: false, error: result.error.message },
    );
    void useWorkspace.getState().load();
  },
}));
