import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli/program';
import type { TimelineEvent } from '../../../src/shared/incidents';
import { documentedRoster } from '../../fixtures/roster';
import { APP_ROOT, tempDir } from '../../fixtures/temp';

/** `holdfast ARGV` with an environment, as the bin runs it. */
async function holdfast(env: NodeJS.ProcessEnv, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const status = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env, isTty: false }, APP_ROOT);
  return { status, stdout, stderr };
}

/** A data folder with the documented roster, an incident (#1) and Settings' name `ops`. */
async function workspace(): Promise<string> {
  const data = tempDir();
  const roster = path.join(tempDir(), 'roster.yaml');
  fs.writeFileSync(roster, documentedRoster());
  expect((await holdfast({}, '--data', data, 'roster', 'import', roster)).status).toBe(0);
  expect((await holdfast({}, '--data', data, 'settings', '--author', 'ops')).status).toBe(0);
  expect((await holdfast({}, '--data', data, 'incident', 'declare', '--title', 'Checkout errors', '--severity', 'SEV2')).status).toBe(0);
  return data;
}

async function actors(data: string): Promise<[string, string | null, string][]> {
  const shown = JSON.parse((await holdfast({}, '--data', data, 'incident', 'show', '1', '--json')).stdout) as { timeline: TimelineEvent[] };
  return shown.timeline.map((event) => [event.actor, event.actorHandle, event.text]);
}

describe('holdfast --as and HOLDFAST_AS', () => {
  it('log a writing command under the responder they name (a roster handle or name is that person), before or after the command; the default stays the Settings name', async () => {
    const data = await workspace();
    expect((await holdfast({}, '--data', data, '--as', 'ana', 'incident', 'log', '1', 'Primary failing over')).status).toBe(0);
    expect((await holdfast({}, '--data', data, 'incident', 'log', '1', 'Replica lag 4 s', '--as', 'Bo Andersen')).status).toBe(0);
    expect((await holdfast({ HOLDFAST_AS: 'Night Shift Bot' }, '--data', data, 'incident', 'log', '1', 'Paged the DBA')).status).toBe(0);
    // --as wins over the environment.
    expect((await holdfast({ HOLDFAST_AS: 'Night Shift Bot' }, '--data', data, '--as', 'chen', 'incident', 'status', '1', 'identified')).status).toBe(0);
    expect((await holdfast({ HOLDFAST_AS: '  ' }, '--data', data, 'incident', 'log', '1', 'From a script')).status).toBe(0);

    expect(await actors(data)).toEqual([
      ['ops', null, 'Declared SEV2: Checkout errors'],
      ['Ana Lima', 'ana', 'Primary failing over'],
      ['Bo Andersen', 'bo', 'Replica lag 4 s'],
      ['Night Shift Bot', null, 'Paged the DBA'],
      ['Chen Wei', 'chen', 'Acknowledged (by changing the status to identified)'],
      ['Chen Wei', 'chen', 'Status investigating → identified'],
      ['ops', null, 'From a script'],
    ]);
    // The text timeline shows the names too.
    expect((await holdfast({}, '--data', data, 'incident', 'show', '1')).stdout).toMatch(/Bo Andersen\s+Replica lag 4 s/);
  });

  it('refuse a name that cannot be one, saying where it came from, and store nothing', async () => {
    const data = await workspace();
    const tab = await holdfast({}, '--data', data, '--as', 'Ana\tLima', 'incident', 'log', '1', 'x');
    expect(tab).toMatchObject({ status: 1, stdout: '' });
    expect(tab.stderr).toBe('holdfast: The responder name from --as has a control character (a line break or tab): give a name on one line.\n');
    const long = await holdfast({ HOLDFAST_AS: 'x'.repeat(101) }, '--data', data, 'incident', 'log', '1', 'x');
    expect(long.stderr).toBe('holdfast: The responder name from HOLDFAST_AS cannot be used: too long: at most 100 characters (this has 101).\n');
    const asJson = await holdfast({}, '--data', data, '--json', '--as', '', 'incident', 'log', '1', 'x');
    expect(JSON.parse(asJson.stderr)).toEqual({ ok: false, error: { code: 'VALIDATION', message: 'The responder name from --as cannot be used: cannot be empty.', field: 'as', details: [] } });
    expect((await actors(data)).map(([, , text]) => text)).toEqual(['Declared SEV2: Checkout errors']);
    // A read needs no responder: a broken HOLDFAST_AS does not stop it.
    expect((await holdfast({ HOLDFAST_AS: 'a\nb' }, '--data', data, 'incident', 'list')).status).toBe(0);
  });
});
