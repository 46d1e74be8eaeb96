import { describe, expect, it } from 'vitest';
import { formatIncident } from '../../../src/main/cli/format-incidents';
import { runCli } from '../../../src/main/cli/program';
import { memoryCore, op } from '../../fixtures/core';
import { APP_ROOT, tempDir } from '../../fixtures/temp';

describe('timeline numbers', () => {
  it('count within each incident, whatever else was logged elsewhere and whatever is filtered', async () => {
    const { core } = memoryCore();
    const first = await op(core, 'declareIncident', { title: 'Checkout failing', severity: 'SEV2' });
    const second = await op(core, 'declareIncident', { title: 'Search slow', severity: 'SEV4' });
    await op(core, 'logNote', { id: first.id, text: 'one' });
    await op(core, 'logNote', { id: second.id, text: 'first note of search' });
    const note = await op(core, 'logNote', { id: first.id, text: 'two' });
    expect(note.seq).toBe(3);
    expect((await op(core, 'getTimeline', { id: first.id })).map((event) => event.seq)).toEqual([1, 2, 3]);
    expect((await op(core, 'getTimeline', { id: second.id })).map((event) => [event.seq, event.text])).toEqual([
      [1, 'Declared SEV4: Search slow'],
      [2, 'first note of search'],
    ]);
    expect((await op(core, 'getTimeline', { id: first.id, filter: 'notes' })).map((event) => event.seq)).toEqual([2, 3]);
    const correction = await op(core, 'correctEvent', { id: first.id, eventId: note.id, text: 'two, corrected' });
    expect(correction.seq).toBe(4);
    const shown = formatIncident(await op(core, 'getIncident', { id: first.id }), await op(core, 'getTimeline', { id: first.id }));
    expect(shown).toMatch(/^#3 .* two \(corrected by #4\)$/m);
  });

  it('are the ones the CLI prints, a correction named by its number in the incident', async () => {
    const data = tempDir();
    let stdout = '';
    const cli = (...argv: string[]) => runCli(['--data', data, ...argv], { stdout: (text) => (stdout += text), stderr: () => undefined, env: {}, isTty: false }, APP_ROOT);
    await cli('incident', 'declare', '--title', 'Other', '--severity', 'SEV3');
    await cli('incident', 'log', '1', 'noise');
    await cli('incident', 'declare', '--title', 'Checkout 502s', '--severity', 'SEV2');
    await cli('incident', 'log', '2', 'Errors at 40%');
    stdout = '';
    await cli('incident', 'show', '2');
    expect(stdout.split('\n').filter((line) => line.startsWith('#'))).toEqual([
      '#2 Checkout 502s',
      expect.stringMatching(/^#1 {4}\S+Z {2}\S+ +Declared SEV2: Checkout 502s$/) as string,
      expect.stringMatching(/^#2 {4}\S+Z {2}\S+ +Errors at 40%$/) as string,
    ]);
  });
});
