import fs from 'node:fs';
import path from 'node:path';
import { toRecord } from '../runbooks/import';
import type { RunbookRepo } from '../runbooks/repo';
import type { Clock } from '../core/clock';
import { HoldfastError } from '../errors';

/**
 * The demo workspace: Holdfast's own sample runbooks from `assets/demo/runbooks`.
 * Loading it replaces any earlier demo data and never touches the user's own.
 */
export function loadDemo(repo: RunbookRepo, assetsDir: string, clock: Clock): number {
  const folder = path.join(assetsDir, 'demo', 'runbooks');
  let names: string[];
  try {
    names = fs.readdirSync(folder).filter((name) => name.endsWith('.md')).sort();
  } catch {
    throw new HoldfastError('IO', `The demo workspace's files are missing from ${folder}.`);
  }
  const records = names.map((name) => toRecord(fs.readFileSync(path.join(folder, name), 'utf8'), name, null, 'demo'));
  repo.replaceByOrigin('demo', records, clock.now());
  return records.length;
}

export function clearDemo(repo: RunbookRepo): number {
  return repo.deleteByOrigin('demo');
}
