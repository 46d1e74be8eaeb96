import { app, Menu, shell, type MenuItemConstructorOptions } from 'electron';
import { type MenuCommand } from '../../shared/menu';
import { backupDir } from '../store/backup';

export interface MenuActions {
  /** Sends a command to the console, which runs it as its palette would. */
  send: (command: MenuCommand) => void;
  dataDir: string;
  /** File ▸ Export break-glass file…: choose a folder and write the file there. */
  exportBreakGlass: () => void;
}

/**
 * The application menu: the platform's usual roles plus Holdfast's commands.
 * Single-key shortcuts (such as `?` or `o`) are shown but not registered, so
 * typing them in a field still types them; the console handles those keys itself.
 */
export function installMenu({ send, dataDir, exportBreakGlass }: MenuActions): void {
  const isMac = process.platform === 'darwin';
  const item = (label: string, command: MenuCommand, accelerator?: string, registerAccelerator = true): MenuItemConstructorOptions => ({
    label,
    click: () => send(command),
    ...(accelerator ? { accelerator, registerAccelerator } : {}),
  });
  const openFolder = (folder: string) => () => void shell.openPath(folder);

  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        item('Declare incident…', 'declare-incident', 'CmdOrCtrl+I'),
        item('New runbook', 'new-runbook'),
        { type: 'separator' },
        { label: 'Open data folder', click: openFolder(dataDir) },
        { label: 'Open backups folder', click: openFolder(backupDir(dataDir)) },
        { label: 'Export break-glass file…', click: exportBreakGlass },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        item('Command palette…', 'command-palette', 'CmdOrCtrl+K'),
        { type: 'separator' },
        item('Runbooks', 'go-runbooks'),
        item('On call now', 'go-oncall', 'O', false),
        item('Incidents', 'go-incidents'),
        item('Drills', 'go-drills'),
        item('Incident history', 'go-history'),
        item('Metrics', 'go-metrics'),
        item('SLOs', 'go-slos'),
        item('Backups and break-glass file', 'go-backups'),
        item('Settings', 'go-settings'),
        { type: 'separator' },
        {
          label: 'Theme',
          submenu: [
            item('Follow the system', 'theme-system'),
            item('Light', 'theme-light'),
            item('Dark', 'theme-dark'),
            item('High contrast', 'theme-contrast'),
          ],
        },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ type: 'separator' as const }, { role: 'toggleDevTools' as const }]),
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [item('Keyboard shortcuts', 'shortcuts', '?', false), { role: 'about' }],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
