import { dialog, shell, type BrowserWindow, type OpenDialogOptions } from 'electron';
import type { BreakGlassReport } from '../../shared/breakglass';
import type { Result } from '../../shared/result';

/** Runs one operation in the core process (the same table the console calls). */
export type CoreRequest = (name: 'exportBreakGlass', input: { dir: string }) => Promise<Result<unknown>>;

/**
 * File ▸ Export break-glass file…: asks for a folder, writes the file there
 * through the core's exportBreakGlass operation, and offers to show it.
 */
export async function exportBreakGlassFromMenu(request: CoreRequest, window: BrowserWindow | undefined): Promise<void> {
  const options: OpenDialogOptions = {
    title: 'Export the break-glass file',
    buttonLabel: 'Export here',
    message: 'Choose a folder you can reach when Holdfast cannot run, such as a synced folder or a USB stick.',
    properties: ['openDirectory', 'createDirectory'],
  };
  const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  const dir = choice.filePaths[0];
  if (choice.canceled || !dir) return;
  const result = await request('exportBreakGlass', { dir });
  if (!result.ok) {
    dialog.showErrorBox('The break-glass file was not written', result.error.message);
    return;
  }
  const report = result.value as BreakGlassReport;
  const shown = {
    type: 'info' as const,
    message: 'The break-glass file is written.',
    detail: `${report.file}\n${report.runbooks} runbooks and ${report.schedules} schedules, as of ${report.generatedAt}. It opens in any browser, with no network.`,
    buttons: ['Show in folder', 'OK'],
    defaultId: 1,
  };
  const { response } = window ? await dialog.showMessageBox(window, shown) : await dialog.showMessageBox(shown);
  if (response === 0) shell.showItemInFolder(report.file);
}
