/** The runbook library's operations (see src/main/operations/op.ts for what a declaration holds). */
import type { ChangeEventBody } from '../../shared/events';
import {
  DiffRunbookInput,
  ExportRunbooksInput,
  GetRunbookInput,
  ImportRunbooksInput,
  ListRunbooksInput,
  PreviewRunbookInput,
  RelatedRunbooksInput,
  RestoreRunbookInput,
  RunbookActionInput,
  RunbookAssetInput,
  RunbookRevisionInput,
  SaveRunbookInput,
  SearchRunbooksInput,
} from '../../shared/runbooks';
import { op } from '../operations/context';
import { exportRunbooks } from './export';
import { importRunbooks } from './import';

const runbooksChanged = (): ChangeEventBody[] => [{ type: 'runbooks.changed' }];

export const runbookOps = {
  listRunbooks: op({
    input: ListRunbooksInput,
    summary: 'List runbooks by tag, service, group, review status or archive, with facet counts.',
    access: 'read',
    handler: (input, { runbooks }) => runbooks.list(input),
  }),
  searchRunbooks: op({
    input: SearchRunbooksInput,
    summary: 'Full-text search over runbooks, best match first; corrects misspellings when nothing matches.',
    access: 'read',
    handler: (input, { runbooks }) => runbooks.search(input),
  }),
  getRunbook: op({
    input: GetRunbookInput,
    summary: 'One runbook with its metadata, Markdown, sections and steps.',
    access: 'read',
    handler: (input, { runbooks }) => runbooks.get(input.id),
  }),
  relatedRunbooks: op({
    input: RelatedRunbooksInput,
    summary: 'Runbooks sharing services or tags with one runbook.',
    access: 'read',
    handler: (input, { runbooks }) => runbooks.related(input.id, input.limit),
  }),
  getRunbookAsset: op({
    input: RunbookAssetInput,
    summary: 'An image imported with a runbook, by its relative path.',
    access: 'read',
    handler: (input, { runbooks }) => runbooks.asset(input.id, input.path),
  }),
  previewRunbook: op({
    input: PreviewRunbookInput,
    summary: 'The sections and steps a Markdown body would have, without saving.',
    // Changes nothing, but only the editor calls it, and reading a large body costs seconds of work.
    access: 'effect',
    handler: (input, { runbooks }) => runbooks.preview(input.body),
  }),
  saveRunbook: op({
    input: SaveRunbookInput,
    summary: 'Create a runbook, or save a new revision of one.',
    access: 'write',
    handler: (input, { runbooks }) => runbooks.save(input),
    emits: runbooksChanged,
  }),
  duplicateRunbook: op({
    input: RunbookActionInput,
    summary: 'Copy a runbook into a new one.',
    access: 'write',
    handler: (input, { runbooks }) => runbooks.duplicate(input.id, input.author),
    emits: runbooksChanged,
  }),
  archiveRunbook: op({
    input: RunbookActionInput,
    summary: 'Archive a runbook: hidden from the library and search, never deleted.',
    access: 'write',
    handler: (input, { runbooks }) => runbooks.setArchived(input.id, true),
    emits: runbooksChanged,
  }),
  unarchiveRunbook: op({
    input: RunbookActionInput,
    summary: 'Bring an archived runbook back.',
    access: 'write',
    handler: (input, { runbooks }) => runbooks.setArchived(input.id, false),
    emits: runbooksChanged,
  }),
  listRunbookRevisions: op({
    input: GetRunbookInput,
    summary: 'Every saved revision of a runbook, newest first.',
    access: 'read',
    handler: (input, { runbooks }) => runbooks.listRevisions(input.id),
  }),
  getRunbookRevision: op({
    input: RunbookRevisionInput,
    summary: 'One revision with its full Markdown.',
    access: 'read',
    handler: (input, { runbooks }) => runbooks.revision(input.id, input.number),
  }),
  diffRunbookRevisions: op({
    input: DiffRunbookInput,
    summary: 'What changed between two revisions.',
    access: 'read',
    handler: (input, { runbooks }) => runbooks.diff(input.id, input.from, input.to),
  }),
  restoreRunbookRevision: op({
    input: RestoreRunbookInput,
    summary: 'Save an old revision again as the newest one.',
    access: 'write',
    handler: (input, { runbooks }) => runbooks.restore(input.id, input.number, input.author),
    emits: runbooksChanged,
  }),
  importRunbooks: op({
    input: ImportRunbooksInput,
    summary: 'Import Markdown runbooks from files or folders (recursively).',
    access: 'write',
    handler: (input, { runbooks, settings }) => importRunbooks(runbooks, input.paths, input.author ?? settings.actor().name),
    emits: (_input, report) => (report.imported + report.updated + report.groups.length > 0 ? runbooksChanged() : []),
  }),
  exportRunbooks: op({
    input: ExportRunbooksInput,
    summary: 'Write every runbook as Markdown with front matter into a folder, in the layout it came from.',
    // Writes files into a folder on the machine.
    access: 'effect',
    handler: (input, { runbooks }) => exportRunbooks(runbooks, input.dir, input.includeArchived),
  }),
};
