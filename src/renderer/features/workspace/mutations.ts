/** The workspace's writes: each answers with the workspace as it is now, put into the cache at once. */
import type { InputOf } from '../../../shared/contract';
import type { WorkspaceInfo } from '../../../shared/workspace';
import { runWrite } from '../../api/mutations';
import { setOp } from '../../api/queries';

const showInfo = (info: WorkspaceInfo) => setOp('getWorkspace', {}, info);

export const loadDemoWorkspace = () => runWrite('loadDemoWorkspace', {}, { apply: showInfo, gives: [['getWorkspace']] });

export const clearDemoWorkspace = () => runWrite('clearDemoWorkspace', {}, { apply: showInfo, gives: [['getWorkspace']] });

/** The author, the procedure headings, the break-glass folder. */
export const updateSettings = (input: InputOf<'updateSettings'>) => runWrite('updateSettings', input, { apply: showInfo, gives: [['getWorkspace']] });
