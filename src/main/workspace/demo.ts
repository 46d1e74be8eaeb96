import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../core/core';
import { HoldfastError } from '../errors';
import { parseRunbookFile } from '../runbooks/format/markdown';
import { newRunbookUid } from '../runbooks/library';
import { writeTransaction } from '../store/transaction';

/** Set while the roster is the demo's, so clearing the demo removes it and never a roster of the user's own. */
export const DEMO_ROSTER = 'demo.roster';

/**
 * The demo workspace: Holdfast's own sample runbooks and on-call roster from
 * `assets/demo`. Loading replaces earlier demo runbooks and never touches the
 * user's own; the demo roster goes in only where there is no roster yet.
 */
export function loadDemo(core: Core): void {
  const folder = path.join(core.options.assetsDir, 'demo');
  let names: string[];
  try {
    names = fs.readdirSync(path.join(folder, 'runbooks')).filter((name) => name.endsWith('.md')).sort();
  } catch {
    throw new HoldfastError('IO', `The demo workspace's files are missing from ${folder}.`);
  }
  const library = core.runbooks;
  const headings = library.context.procedureHeadings();
  const files = names.map((name) => ({ name, text: fs.readFileSync(path.join(folder, 'runbooks', name), 'utf8') }));
  writeTransaction(core.store, () => {
    library.repo.deleteByOrigin('demo');
    for (const { name, text } of files) {
      const uid = newRunbookUid();
      const parsed = parseRunbookFile(text, name, headings);
      library.commit(
        { uid, parsed: { ...parsed, uid }, sourceText: text, sourcePath: null, relativePath: name, origin: 'demo' },
        { author: 'holdfast', message: 'Demo workspace sample' },
      );
    }
    const drills = path.join(folder, 'drills');
    for (const name of fs.existsSync(drills) ? fs.readdirSync(drills).filter((n) => n.endsWith('.md')).sort() : []) {
      core.drills.importScenario(path.join(drills, name));
    }
    if (core.rosters.roster().people.length === 0) {
      core.rosters.importFile(path.join(folder, 'roster.yaml'));
      core.settings.set(DEMO_ROSTER, '1');
    }
  });
}

/** Removes the demo's runbooks, and its roster if the roster is still the demo's. */
export function clearDemo(core: Core): void {
  writeTransaction(core.store, () => {
    core.runbooks.repo.deleteByOrigin('demo');
    if (core.settings.get(DEMO_ROSTER) !== undefined) {
      core.rosters.repo.replaceWith({ people: [], teams: [] }, core.clock.now());
      core.settings.delete(DEMO_ROSTER);
    }
  });
}

export const hasDemo = (core: Core): boolean => core.runbooks.repo.count('demo') > 0 || core.settings.get(DEMO_ROSTER) !== undefined;
