/**
 * Child process for the concurrency test: runs `holdfast --data DIR incident
 * log ID TEXT` again and again for SECONDS, each run a whole CLI command (it
 * opens the store, writes, closes it), as a script in a loop at a terminal
 * would, and prints one JSON line: how many runs, how many failed, and the
 * first failures' messages.
 */
import path from 'node:path';
import { runCli } from '../../src/main/cli/program';

const APP_ROOT = path.resolve(import.meta.dirname, '..', '..');

const [dataDir, id, prefix, seconds] = process.argv.slice(2);
if (!dataDir || !id || !prefix || !seconds) throw new Error('usage: cli-writer-loop DATA_DIR INCIDENT_ID PREFIX SECONDS');
const end = Date.now() + Number(seconds) * 1000;
let runs = 0;
const failures: string[] = [];
while (Date.now() < end) {
  let stderr = '';
  const status = await runCli(['--data', dataDir, 'incident', 'log', id, `${prefix}-${runs}`], { stdout: () => undefined, stderr: (text) => (stderr += text), env: {}, isTty: false }, APP_ROOT);
  if (status !== 0) failures.push(stderr.trim());
  runs += 1;
}
process.stdout.write(`${JSON.stringify({ runs, failed: failures.length, failures: failures.slice(0, 3) })}\n`);
