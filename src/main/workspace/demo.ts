import fs from 'node:fs';
import path from 'node:path';
import { parseRunbookFile } from '../runbooks/format/markdown';
import { newRunbookUid, type RunbookLibrary } from '../runbooks/library';
import { HoldfastError } from '../errors';

/**
 * The demo workspace: Holdfast's own sample runbooks from `assets/demo/runbooks`.
 * Loading it replaces any earlier demo data and never touches the user's own.
 */
export function loadDemo(library: RunbookLibrary, assetsDir: string): number {
  const folder = path.join(assetsDir, 'demo', 'runbooks');
  let names: string[];
  try {
    names = fs.readdirSync(folder).filter((name) => name.endsWith('.md')).sort();
  } catch {
    throw new HoldfastError('IO', `The demo workspace's files are missing from ${folder}.`);
  }
  const headings = library.context.procedureHeadings();
  const files = names.map((name) => ({ name, text: fs.readFileSync(path.join(folder, name), 'utf8') }));
  library.db.transaction(() => {
    library.repo.deleteByOrigin('demo');
    for (const { name, text } of files) {
      const uid = newRunbookUid();
      const parsed = parseRunbookFile(text, name, headings);
      library.commit(
        { uid, parsed: { ...parsed, uid }, sourceText: text, sourcePath: null, relativePath: name, origin: 'demo' },
        { author: 'holdfast', message: 'Demo workspace sample' },
      );
    }
  })();
  return files.length;
}

export function clearDemo(library: RunbookLibrary): number {
  return library.repo.deleteByOrigin('demo');
}
