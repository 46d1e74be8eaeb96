import { create } from 'zustand';
import type { WorkspaceInfo } from '../../../shared/workspace';
import { api } from '../../api/client';

interface WorkspaceState {
  info: WorkspaceInfo | null;
  error: string | null;
  load: () => Promise<void>;
  loadDemo: () => Promise<void>;
  clearDemo: () => Promise<void>;
}

export const useWorkspace = create<WorkspaceState>()((set) => {
  const apply = (result: Awaited<ReturnType<typeof api.getWorkspace>>) =>
    result.ok ? set({ info: result.value, error: null }) : set({ error: result.error.message });
  return {
    info: null,
    error: null,
    load: async () => apply(await api.getWorkspace({})),
    loadDemo: async () => apply(await api.loadDemoWorkspace({})),
    clearDemo: async () => apply(await api.clearDemoWorkspace({})),
  };
});
