import fs from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import type { ExportReport } from '../../shared/runbooks';
import { HoldfastError } from '../errors';
import { composeRunbookFile } from './format/front-matter';
import type { RunbookLibrary } from './library';

/**
 * Writes the library as a folder of Markdown files: each runbook at the path it
 * was imported from (app-made ones at a file named after the title), with front
 * matter carrying its stable `id`; each folder's section page; each imported
 * image beside its runbook. The same library always gives the same bytes.
 * Files already in the folder are overwritten only where a runbook goes; nothing
 * is deleted.
 */
export function exportRunbooks(library: RunbookLibrary, dir: string, includeArchived: boolean): ExportReport {
  const root = path.resolve(dir);
  if (fs.existsSync(root) && !fs.statSync(root).isDirectory()) {
    throw new HoldfastError('VALIDATION', `${root} is a file, not a folder.`, 'dir');
  }
  const files = runbookExportFiles(library, includeArchived);
  for (const [relative, content] of files) {
    const target = path.join(root, ...relative.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }
  return { dir: root, files: [...files.keys()].sort() };
}

/** The files an export writes, by path relative to its folder (forward slashes): the same library always gives the same bytes. */
export function runbookExportFiles(library: RunbookLibrary, includeArchived: boolean): Map<string, string | Buffer> {
  const files = new Map<string, string | Buffer>();
  const slugger = new GithubSlugger();

  for (const group of library.groups()) {
    files.set(safeRelative(path.posix.join(group.folder, '_index.md')) ?? '_index.md', group.sourceText);
  }
  const summaries = [
    ...library.summaries(),
    ...(includeArchived ? library.summaries(true) : []),
  ].sort((a, b) => a.id - b.id);
  for (const summary of summaries) {
    const runbook = library.get(summary.id);
    let relative = (runbook.relativePath && safeRelative(runbook.relativePath)) || `${slugger.slug(runbook.title) || runbook.uid}.md`;
    if (files.has(relative)) relative = relative.replace(/(\.[^./]+)?$/, `-${runbook.uid}$1`);
    files.set(relative, composeRunbookFile(runbook.uid, runbook.metadata, runbook.extraFrontMatter, runbook.body));
    for (const asset of library.assetsOf(runbook.id)) {
      const assetPath = safeRelative(path.posix.join(path.posix.dirname(relative), asset.path));
      if (assetPath && !files.has(assetPath)) files.set(assetPath, asset.data);
    }
  }
  return files;
}

/** A relative path that stays inside the export folder, with forward slashes; null if it would leave it. */
function safeRelative(relative: string): string | null {
  const normal = path.posix.normalize(relative.replaceAll('\\', '/'));
  if (normal.startsWith('../') || normal === '..' || path.posix.isAbsolute(normal) || normal === '.') return null;
  return normal;
}
