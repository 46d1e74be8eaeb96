/**
 * Every keyboard shortcut of the console, in one table. The hooks in
 * shortcuts.ts take their key from here and the help screen (`?`) lists this
 * table, so what the help says is what the keys do.
 */
export interface Shortcut {
  /** What `KeyboardEvent.key` must be (lower case for letters). */
  key: string;
  /** With Ctrl (Cmd on macOS). */
  mod?: boolean;
  /** Where it works, as the help screen groups it. */
  where: ShortcutArea;
  /** What it does, as the help screen says it. */
  does: string;
  /** It changes data: a viewer's console (the read-only link) neither lists it nor acts on it. */
  writes?: true;
}

export type ShortcutArea = 'Anywhere' | 'Runbooks' | 'Incident runner' | 'Incidents' | 'On call' | 'Drills' | 'Editors';

export const SHORTCUT_AREAS: readonly ShortcutArea[] = ['Anywhere', 'Runbooks', 'Incident runner', 'Incidents', 'On call', 'Drills', 'Editors'];

export const KEYS = {
  palette: { key: 'k', mod: true, where: 'Anywhere', does: 'Command palette: every command and runbook' },
  search: { key: '/', where: 'Anywhere', does: 'Search runbooks' },
  declare: { key: 'i', mod: true, where: 'Anywhere', does: 'Declare an incident', writes: true },
  help: { key: '?', where: 'Anywhere', does: 'Show these keyboard shortcuts' },
  goOnCall: { key: 'o', where: 'Anywhere', does: 'Who is on call now' },
  newRunbook: { key: 'n', where: 'Runbooks', does: 'New runbook', writes: true },
  editRunbook: { key: 'e', where: 'Runbooks', does: 'Edit the open runbook', writes: true },
  nextStep: { key: 'j', where: 'Incident runner', does: 'Next step (also ↓)' },
  previousStep: { key: 'k', where: 'Incident runner', does: 'Previous step (also ↑)' },
  startStep: { key: 's', where: 'Incident runner', does: 'Start the current step (also Enter)', writes: true },
  doneStep: { key: 'd', where: 'Incident runner', does: 'Mark the step done and move on', writes: true },
  skipStep: { key: 'x', where: 'Incident runner', does: 'Skip the step', writes: true },
  failStep: { key: 'f', where: 'Incident runner', does: 'Mark the step failed', writes: true },
  note: { key: 'n', where: 'Incident runner', does: 'Write a note on the timeline', writes: true },
  keepFirstChange: { key: '1', where: 'Incidents', does: 'Keep the first of a status or severity changed on two machines at once', writes: true },
  keepSecondChange: { key: '2', where: 'Incidents', does: 'Keep the second of a status or severity changed on two machines at once', writes: true },
  newIncident: { key: 'n', where: 'Incidents', does: 'Declare an incident', writes: true },
  leaveWall: { key: 'Escape', where: 'Incidents', does: 'Leave the wall display' },
  coverShift: { key: 'c', where: 'On call', does: 'Cover a shift on the open schedule', writes: true },
  newScenario: { key: 'n', where: 'Drills', does: 'New drill scenario', writes: true },
  pauseDrill: { key: ' ', where: 'Drills', does: 'Pause or resume the drill clock (facilitator console)', writes: true },
  fireInject: { key: 'f', where: 'Drills', does: 'Fire the next inject now', writes: true },
  holdInject: { key: 'h', where: 'Drills', does: 'Hold the next timed inject', writes: true },
  observe: { key: 'n', where: 'Drills', does: 'Write an observation (facilitator console)', writes: true },
  save: { key: 's', mod: true, where: 'Editors', does: 'Save', writes: true },
} as const satisfies Record<string, Shortcut>;

/** The shortcuts a console has: a viewer's (it may not write) has none of those that change data. */
export const shortcutsFor = (shortcuts: readonly Shortcut[], mayWrite: boolean): Shortcut[] => shortcuts.filter((shortcut) => mayWrite || !shortcut.writes);

/** How a shortcut is written for people: "Ctrl+K" (⌘K on a Mac). */
export function shortcutLabel(shortcut: Shortcut, mac = isMac()): string {
  if (shortcut.key === ' ') return 'Space';
  const key = shortcut.key.length === 1 ? shortcut.key.toUpperCase() : shortcut.key;
  if (!shortcut.mod) return shortcut.key;
  return mac ? `⌘${key}` : `Ctrl+${key}`;
}

/** The value for `aria-keyshortcuts`. */
export function ariaShortcut(shortcut: Shortcut): string {
  if (shortcut.key === ' ') return 'Space';
  const key = shortcut.key.length === 1 ? shortcut.key.toUpperCase() : shortcut.key;
  return shortcut.mod ? `Control+${key} Meta+${key}` : shortcut.key;
}

const isMac = (): boolean => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
