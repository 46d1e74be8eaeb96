/** The workspace's operations: what it holds, settings, the demo, backups, the break-glass file (see src/main/operations/op.ts). */
import { ExportBreakGlassInput } from '../../shared/breakglass';
import type { ChangeEventBody } from '../../shared/events';
import { CreateBackupInput, EmptyInput, UpdateSettingsInput, type WorkspaceInfo } from '../../shared/workspace';
import { writeBreakGlass } from '../breakglass/write';
import { APP_VERSION } from '../core/version';
import { op, type OpContext } from '../operations/context';
import { createBackup } from '../store/backup';
import { schemaVersion } from '../store/migrate';
import { writeTransaction } from '../store/transaction';
import { checkGitPath } from '../sync/git-path';
import { GIT_PATH } from '../sync/service';
import { clearDemo, hasDemo, loadDemo } from './demo';

function workspaceInfo(context: OpContext): WorkspaceInfo {
  return {
    appVersion: APP_VERSION,
    dataDir: context.options.dataDir,
    databaseFile: context.databaseFile,
    schemaVersion: schemaVersion(context.store),
    runbookCount: context.runbooks.count(),
    hasDemo: hasDemo(context),
    author: context.settings.author(),
    procedureHeadings: [...context.settings.procedureHeadings()],
    breakGlass: context.breakGlass.status(),
    gitPath: context.settings.get(GIT_PATH) ?? null,
  };
}

export const workspaceOps = {
  getWorkspace: op({
    input: EmptyInput,
    summary: 'Where the data lives and what it holds.',
    access: 'read',
    handler: (_input, context) => workspaceInfo(context),
  }),
  loadDemoWorkspace: op({
    input: EmptyInput,
    summary: 'Add the sample runbooks of the demo workspace.',
    access: 'write',
    handler: (_input, context) => {
      loadDemo(context);
      return workspaceInfo(context);
    },
    emits: () => [{ type: 'runbooks.changed' }, { type: 'rosters.changed' }, { type: 'scenarios.changed' }],
  }),
  clearDemoWorkspace: op({
    input: EmptyInput,
    summary: 'Remove the demo workspace’s sample data, keeping everything else.',
    access: 'write',
    handler: (_input, context) => {
      clearDemo(context);
      return workspaceInfo(context);
    },
    emits: () => [{ type: 'runbooks.changed' }, { type: 'rosters.changed' }],
  }),
  updateSettings: op({
    input: UpdateSettingsInput,
    summary: 'Change the default author, the procedure headings (steps are re-extracted), the break-glass folder or the path to git.',
    access: 'write',
    handler: async (input, context) => {
      // First: the changes that can fail on the machine (git must run, the folder must take the file), before anything is saved.
      const gitPath = input.gitPath ? (await checkGitPath(input.gitPath)).path : input.gitPath;
      if (input.breakGlassPath !== undefined) context.breakGlass.setFolder(input.breakGlassPath);
      if (gitPath !== undefined) {
        if (gitPath) context.settings.set(GIT_PATH, gitPath);
        else context.settings.delete(GIT_PATH);
      }
      if (input.author !== undefined) context.settings.setAuthor(input.author);
      if (input.procedureHeadings !== undefined) {
        writeTransaction(context.store, () => {
          context.settings.setProcedureHeadings(input.procedureHeadings ?? []);
          context.runbooks.reindex();
        });
      }
      return workspaceInfo(context);
    },
    emits: (input) => {
      const events: ChangeEventBody[] = [];
      if (input.breakGlassPath !== undefined) events.push({ type: 'breakglass.changed' });
      if (input.author !== undefined || input.gitPath !== undefined) events.push({ type: 'workspace.changed' });
      if (input.procedureHeadings !== undefined) events.push({ type: 'runbooks.changed' });
      // The sync indicator says again whether git is found.
      if (input.gitPath !== undefined) events.push({ type: 'sync.changed' });
      return events;
    },
  }),
  createBackup: op({
    input: CreateBackupInput,
    summary: 'A consistent copy of the store (SQLite online backup), by default in the backups folder.',
    access: 'write',
    handler: (input, { store, options, clock }) => createBackup(store, options.dataDir, clock.now(), input.file),
    emits: () => [{ type: 'backups.changed' }],
  }),
  exportBreakGlass: op({
    input: ExportBreakGlassInput,
    summary:
      'Write the break-glass file (every runbook, the next 30 days on call, escalation and contacts in one offline HTML page) into a folder.',
    // Writes a file on the machine.
    access: 'effect',
    handler: (input, context) => writeBreakGlass(context, input.dir),
  }),
};
