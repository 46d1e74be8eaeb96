import type { MenuCommand } from '../../../shared/menu';
import { KEYS, type Shortcut } from '../../app/keymap';
import { navigate } from '../../app/route';
import { setTheme } from '../../app/theme';
import { openDeclare } from '../incidents/store';
import { canWrite } from '../session/queries';
import { openHelp, openPalette } from './store';

/** A thing the console can do, by name: what the palette lists and the desktop menu sends. */
export interface Command {
  id: MenuCommand;
  title: string;
  group: 'Go to' | 'Create' | 'View' | 'Help';
  /** Extra words the palette matches on. */
  keywords?: string;
  shortcut?: Shortcut;
  /** It changes data: a viewer's console (the read-only link) does not offer it. */
  writes?: true;
  run: () => void;
}

export const COMMANDS: readonly Command[] = [
  { id: 'go-runbooks', title: 'Runbooks', group: 'Go to', keywords: 'library search', run: () => navigate({ screen: 'library' }) },
  { id: 'go-oncall', title: 'On call now', group: 'Go to', keywords: 'roster schedule who pager', shortcut: KEYS.goOnCall, run: () => navigate({ screen: 'oncall' }) },
  { id: 'go-incidents', title: 'Incidents', group: 'Go to', keywords: 'open outage', run: () => navigate({ screen: 'incidents' }) },
  { id: 'go-drills', title: 'Drills', group: 'Go to', keywords: 'game day exercise scenario wheel of misfortune facilitator', run: () => navigate({ screen: 'drills' }) },
  { id: 'go-history', title: 'Incident history', group: 'Go to', keywords: 'past postmortem post-mortem action items', run: () => navigate({ screen: 'incident-history', tab: 'incidents' }) },
  { id: 'go-metrics', title: 'Metrics', group: 'Go to', keywords: 'mtta mttr charts', run: () => navigate({ screen: 'metrics' }) },
  { id: 'go-backups', title: 'Backups', group: 'Go to', keywords: 'restore data file break-glass breakglass offline export', run: () => navigate({ screen: 'backups' }) },
  { id: 'go-settings', title: 'Settings', group: 'Go to', keywords: 'preferences name author severity cadence templates status update', run: () => navigate({ screen: 'settings' }) },
  { id: 'declare-incident', title: 'Declare an incident', group: 'Create', keywords: 'new incident outage page', shortcut: KEYS.declare, writes: true, run: openDeclare },
  { id: 'new-runbook', title: 'New runbook', group: 'Create', keywords: 'write author', writes: true, run: () => navigate({ screen: 'new-runbook' }) },
  { id: 'command-palette', title: 'Command palette', group: 'View', shortcut: KEYS.palette, run: openPalette },
  { id: 'theme-system', title: 'Theme: follow the system', group: 'View', keywords: 'appearance os auto', run: () => setTheme('system') },
  { id: 'theme-light', title: 'Theme: light', group: 'View', keywords: 'appearance day', run: () => setTheme('light') },
  { id: 'theme-dark', title: 'Theme: dark', group: 'View', keywords: 'appearance night', run: () => setTheme('dark') },
  { id: 'theme-contrast', title: 'Theme: high contrast', group: 'View', keywords: 'appearance accessibility wall display', run: () => setTheme('contrast') },
  { id: 'shortcuts', title: 'Keyboard shortcuts', group: 'Help', keywords: 'keys help', shortcut: KEYS.help, run: openHelp },
];

/** The commands this console offers: on a viewer's, none that changes data. */
const offered = (command: Command): boolean => !command.writes || canWrite();

export function runCommand(id: MenuCommand): void {
  const command = COMMANDS.find((candidate) => candidate.id === id);
  if (command && offered(command)) command.run();
}

/** Commands whose title or keywords contain every word typed, in the table's order. */
export function matchCommands(query: string): Command[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return COMMANDS.filter((command) => {
    if (command.id === 'command-palette' || !offered(command)) return false;
    const haystack = `${command.group} ${command.title} ${command.keywords ?? ''}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

