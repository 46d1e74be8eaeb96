import { create } from 'zustand';

export type ThemeChoice = 'system' | 'dark' | 'light';
const KEY = 'holdfast.theme';

const stored = (): ThemeChoice => {
  const value = localStorage.getItem(KEY);
  return value === 'dark' || value === 'light' ? value : 'system';
};

/** The theme follows the OS unless the user picks one; `data-theme` on <html> drives the CSS variables. */
export const useTheme = create<{ choice: ThemeChoice; cycle: () => void }>()((set, get) => ({
  choice: stored(),
  cycle() {
    const order: ThemeChoice[] = ['system', 'dark', 'light'];
    const next = order[(order.indexOf(get().choice) + 1) % order.length] ?? 'system';
    localStorage.setItem(KEY, next);
    applyTheme(next);
    set({ choice: next });
  },
}));

export function applyTheme(choice: ThemeChoice = stored()): void {
  if (choice === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
}
