/**
 * Child process for the crash test: appends incident notes through the real
 * store code, one at a time, and prints "ack <id> <text>" only after each has
 * been committed. The test kills it with SIGKILL at random moments.
 */
import { call } from '../../src/main/api';
import { openCore } from '../../src/main/core/core';

const [dataDir, assetsDir, prefix] = process.argv.slice(2);
if (!dataDir || !assetsDir || !prefix) throw new Error('usage: crash-writer DATA_DIR ASSETS_DIR PREFIX');
const core = openCore({ dataDir, assetsDir });
const list = await call(core, 'listIncidents', { open: true });
const existing = list.ok ? list.value[0] : undefined;
const declared = existing ? undefined : await call(core, 'declareIncident', { title: 'Crash test', severity: 'SEV1' });
const id = existing?.id ?? (declared?.ok ? declared.value.id : 0);
process.stdout.write(`ready ${id}\n`);
for (let n = 0; ; n += 1) {
  const text = `${prefix}-${n}:${'x'.repeat(n % 200)}`;
  const result = await call(core, 'logNote', { id, text });
  if (!result.ok) throw new Error(result.error.message);
  process.stdout.write(`ack ${result.value.id} ${text}\n`);
}
