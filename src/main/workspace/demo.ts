import fs from 'node:fs';
import path from 'node:path';
import type { DrillService } from '../drills/service';
import { HoldfastError } from '../errors';
import { parseRunbookFile } from '../runbooks/format/markdown';
import type { RosterService } from '../rosters/service';
import { newRunbookUid, type RunbookLibrary } from '../runbooks/library';
import type { Store } from '../store/open';
import { writeTransaction } from '../store/transaction';
import { DEMO_ROSTER, type Settings } from './settings';


/** What loading and clearing the demo works with: the demo's files, and the runbooks, drills and roster it fills. */
export interface DemoWorkspace {
  readonly store: Store;
  readonly options: { readonly assetsDir: string };
  readonly settings: Pick<Settings, 'get' | 'set' | 'delete'>;
  readonly runbooks: Pick<RunbookLibrary, 'context' | 'atPath' | 'uidOf' | 'commit' | 'adoptChanged' | 'deleteByOrigin' | 'count'>;
  readonly drills: Pick<DrillService, 'importScenario'>;
  readonly rosters: Pick<RosterService, 'roster' | 'planImport' | 'apply' | 'clear'>;
}

/** Who writes the demo runbooks' revisions; a revision by anyone else makes that runbook the user's. */
const DEMO_AUTHOR = 'holdfast';
const DEMO_MESSAGE = 'Demo workspace sample';

/**
 * A demo runbook the user edited is theirs now: it leaves the demo (origin
 * `app`), keeping its id and history, so clearing or reloading the demo never
 * deletes or overwrites it.
 */
function adoptEditedDemoRunbooks(core: DemoWorkspace): void {
  core.runbooks.adoptChanged('demo', DEMO_AUTHOR, DEMO_MESSAGE);
}

/**
 * The demo workspace: Holdfast's own sample runbooks and on-call roster from
 * `assets/demo`. Loading adds the samples that are missing and refreshes the
 * ones nobody edited, in place; a sample the user edited is theirs and is left
 * as it is (see adoptEditedDemoRunbooks), and their own runbooks are never
 * touched. The demo roster goes in only where there is no roster yet.
 */
export function loadDemo(core: DemoWorkspace): void {
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
    adoptEditedDemoRunbooks(core);
    for (const { name, text } of files) {
      const stored = library.atPath(name);
      // The user's edited copy of this sample (adopted: no file behind it) stands in for it.
      if (stored.some((runbook) => runbook.origin === 'app' && runbook.sourcePath === null)) continue;
      const sample = stored.find((runbook) => runbook.origin === 'demo');
      const uid = sample ? (library.uidOf(sample.id) ?? newRunbookUid()) : newRunbookUid();
      const parsed = parseRunbookFile(text, name, headings);
      library.commit(
        { uid, parsed: { ...parsed, uid }, sourceText: text, sourcePath: null, relativePath: name, origin: 'demo' },
        { id: sample?.id, author: DEMO_AUTHOR, message: DEMO_MESSAGE },
      );
    }
    const drills = path.join(folder, 'drills');
    for (const name of fs.existsSync(drills) ? fs.readdirSync(drills).filter((n) => n.endsWith('.md')).sort() : []) {
      core.drills.importScenario(path.join(drills, name));
    }
    if (core.rosters.roster().people.length === 0) {
      core.rosters.apply(core.rosters.planImport(path.join(folder, 'roster.yaml')), null); // the store has no roster: nothing to remove
      core.settings.set(DEMO_ROSTER, '1');
    }
  });
}

/** Removes the demo's runbooks (not those the user edited: theirs now), and its roster if the roster is still the demo's. */
export function clearDemo(core: DemoWorkspace): void {
  writeTransaction(core.store, () => {
    adoptEditedDemoRunbooks(core);
    core.runbooks.deleteByOrigin('demo');
    if (core.settings.get(DEMO_ROSTER) !== undefined) {
      core.rosters.clear();
      core.settings.delete(DEMO_ROSTER);
    }
  });
}

export const hasDemo = (core: { runbooks: Pick<RunbookLibrary, 'hasDemo'>; settings: DemoWorkspace['settings'] }): boolean => core.runbooks.hasDemo() || core.settings.get(DEMO_ROSTER) !== undefined;
