/**
 * Commands the desktop menu sends to the console. The shell's menu and the
 * renderer's command list both use these names; the preload forwards only these.
 */
export const MENU_COMMANDS = [
  'go-runbooks',
  'go-oncall',
  'go-incidents',
  'go-drills',
  'go-history',
  'go-metrics',
  'go-slos',
  'go-backups',
  'go-settings',
  'declare-incident',
  'new-runbook',
  'command-palette',
  'theme-system',
  'theme-light',
  'theme-dark',
  'theme-contrast',
  'shortcuts',
] as const;

export type MenuCommand = (typeof MENU_COMMANDS)[number];

export const isMenuCommand = (value: unknown): value is MenuCommand => (MENU_COMMANDS as readonly unknown[]).includes(value);

/** The IPC channel the shell sends menu commands on. */
export const MENU_COMMAND_CHANNEL = 'holdfast:menu-command';
