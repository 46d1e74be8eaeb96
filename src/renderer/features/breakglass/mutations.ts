/** The break-glass file's writes: where it is kept (a workspace setting) and writing it now. */
import { runWrite } from '../../api/mutations';
import { updateSettings } from '../workspace/mutations';

/** Keeps the file in `folder` (written at once); an empty folder stops keeping it. */
export const keepBreakGlassIn = (folder: string) => updateSettings({ breakGlassPath: folder.trim() || null });

/** Writes the file into the folder now; its status in the workspace is read again. */
export const writeBreakGlassNow = (folder: string) => runWrite('exportBreakGlass', { dir: folder }, { refresh: [['getWorkspace']] });
