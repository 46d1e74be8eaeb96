import { create } from 'zustand';

export type ThemeChoice = 'system' | 'dark' | 'light' | 'contrast';
const CHOICES: readonly ThemeChoice[] = ['system', 'dark', 'light', 'contrast'];
const KEY = 'holdfast.theme';

const stored = (): ThemeChoice => {
  const value = localStorage.getItem(KEY);
  return CHOICES.find((choice) => choice === value) ?? 'system';
};

/**
 * The theme follows the OS (light, dark, and high contrast when the OS asks for more
 * contrast) unless the user picks one; `data-theme` on <html> drives the CSS variables.
 */
export const useTheme = create<{ choice: ThemeChoice; cycle: () => void }>()((_set, get) => ({
  choice: stored(),
  cycle() {
    setTheme(CHOICES[(CHOICES.indexOf(get().choice) + 1) % CHOICES.length] ?? 'system');
  },
}));

export function setTheme(choice: ThemeChoice): void {
  localStorage.setItem(KEY, choice);
  applyTheme(choice);
  useTheme.setState({ choice });
}

const moreContrast = () => typeof matchMedia === 'function' && matchMedia('(prefers-contrast: more)').matches;

export function applyTheme(choice: ThemeChoice = stored()): void {
  const theme = choice === 'system' && moreContrast() ? 'contrast' : choice;
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

/** Follows the OS's contrast setting while the choice is "system". */
export function watchSystemContrast(): () => void {
  if (typeof matchMedia !== 'function') return () => undefined;
  const query = matchMedia('(prefers-contrast: more)');
  const onChange = () => applyTheme(useTheme.getState().choice);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

export const THEME_LABELS: Record<ThemeChoice, string> = {
  system: 'system',
  dark: 'dark',
  light: 'light',
  contrast: 'high contrast',
};
