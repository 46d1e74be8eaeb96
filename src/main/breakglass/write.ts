import fs from 'node:fs';
import path from 'node:path';
import { BREAK_GLASS_FILE, type BreakGlassReport } from '../../shared/breakglass';
import { HoldfastError } from '../errors';
import { writeFileWhole } from '../files/write-whole';
import { collectBreakGlass, type BreakGlassSources } from './collect';
import { breakGlassHtml } from './page';

/**
 * Writes the break-glass file into `dir` (created if missing). The page lands
 * under a temporary name beside it and is renamed over the old one, so a reader
 * (or a sync client) never sees half a file.
 */
export function writeBreakGlass(core: BreakGlassSources, dir: string): BreakGlassReport {
  const folder = path.resolve(dir);
  const file = path.join(folder, BREAK_GLASS_FILE);
  const data = collectBreakGlass(core);
  const html = breakGlassHtml(data);
  try {
    if (fs.existsSync(folder) && !fs.statSync(folder).isDirectory()) throw new Error('it is a file, not a folder');
    fs.mkdirSync(folder, { recursive: true });
    writeFileWhole(file, html);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new HoldfastError('IO', `Cannot write the break-glass file into ${folder}: ${reason}.`, 'dir');
  }
  return {
    file,
    bytes: Buffer.byteLength(html),
    generatedAt: data.generatedAt,
    runbooks: data.runbooks.length,
    schedules: data.teams.reduce((count, team) => count + team.schedules.length, 0),
  };
}

