import { describe, expect, it } from 'vitest';
import { csvField, csvFile } from '../../../src/shared/csv';
import { scorecardCsv, scorecardMarkdown } from '../../../src/main/drills/scorecard-export';
import type { Scorecard } from '../../../src/shared/drills';
import { memoryCore, op, opError } from '../../fixtures/core';

const SCENARIO = `---
title: Payments, "the" bad night
services: [payments-api]
runbooks: [Checkout error rate above 2%]
targets:
  acknowledge: 5m
  first_update: 10m
  mitigate: 30m
---

# Payments

## Injects

### At 2m: Errors, everywhere

Checkout 5xx at 40%.

> Facilitator: quiet hint only.

### Manual: CFO asks

When will it work?
`;

/** A drill run through the API on the injected clock: acknowledged at 3 min, an update at 6, paused 10 min, stopped at 12. */
async function stoppedDrill() {
  const { core, clock } = memoryCore('2026-11-27T10:00:00Z');
  core.prepareWorkspace({ demo: true });
  const scenario = await op(core, 'importDrillScenarioText', { markdown: SCENARIO, fileName: 'payments.md' });
  const run = await op(core, 'startDrill', { scenarioId: scenario.id });
  clock.set('2026-11-27T10:02:00Z');
  await op(core, 'getDrill', { id: run.id }); // the scheduler's tick: the 2m inject fires
  clock.set('2026-11-27T10:03:00Z');
  await op(core, 'acknowledgeIncident', { id: run.incidentId });
  clock.set('2026-11-27T10:06:00Z');
  await op(core, 'postStatusUpdate', { id: run.incidentId, audience: 'internal', text: 'Looking into it' });
  await op(core, 'pauseDrill', { id: run.id });
  clock.set('2026-11-27T10:16:00Z');
  await op(core, 'resumeDrill', { id: run.id });
  const [runbook] = (await op(core, 'getIncident', { id: run.incidentId })).runbooks;
  const step = runbook?.steps[0];
  await op(core, 'setStepState', { id: run.incidentId, runbookId: runbook?.runbookId ?? -1, stepId: step?.id ?? '', state: 'started' });
  clock.set('2026-11-27T10:18:00Z');
  await op(core, 'setStepState', { id: run.incidentId, runbookId: runbook?.runbookId ?? -1, stepId: step?.id ?? '', state: 'done' });
  await op(core, 'drillObservation', { id: run.id, text: 'Said "rollback", then\nwaited, for =SUM(A1)' });
  clock.set('2026-11-27T10:22:00Z');
  await op(core, 'stopDrill', { id: run.id });
  return { core, clock, run };
}

describe('stopping a drill', () => {
  it('closes the DRILL incident but scores only what the team reached before the stop', async () => {
    const { core, run } = await stoppedDrill();
    const incident = await op(core, 'getIncident', { id: run.incidentId });
    expect(incident.status).toBe('resolved');
    expect(incident.resolutionSummary).toBe('The drill was stopped by the facilitator.');
    expect((await op(core, 'listIncidents', { open: true, includeDrills: true })).map((i) => i.id)).not.toContain(run.incidentId);

    const scorecard = await op(core, 'drillScorecard', { id: run.id });
    expect(scorecard.durationMinutes).toBe(12);
    expect(scorecard.rows).toEqual([
      { measure: 'Time to acknowledge', actualMinutes: 3, targetMinutes: 5, met: true },
      { measure: 'Time to first status update', actualMinutes: 6, targetMinutes: 10, met: true },
      // Resolving on stop stamps a mitigation time; the team never mitigated.
      { measure: 'Time to mitigate', actualMinutes: null, targetMinutes: 30, met: false },
    ]);
    expect(scorecard.steps[0]).toMatchObject({ startMinutes: 6, endMinutes: 8, durationMinutes: 2, state: 'done' });
  });

  it('does not count what happens after the stop', async () => {
    const { core, clock, run } = await stoppedDrill();
    clock.set('2026-11-27T10:30:00Z');
    await op(core, 'changeStatus', { id: run.incidentId, status: 'monitoring' });
    const [runbook] = (await op(core, 'getIncident', { id: run.incidentId })).runbooks;
    const second = runbook?.steps[1];
    await op(core, 'setStepState', { id: run.incidentId, runbookId: runbook?.runbookId ?? -1, stepId: second?.id ?? '', state: 'done' });
    const scorecard = await op(core, 'drillScorecard', { id: run.id });
    expect(scorecard.rows[2]).toMatchObject({ actualMinutes: null, met: false });
    expect(scorecard.steps[1]).toMatchObject({ startMinutes: null, endMinutes: null, durationMinutes: null });
  });
});

describe('scorecard export', () => {
  it('writes Markdown tables that say met or missed in words', async () => {
    const { core, run } = await stoppedDrill();
    const file = await op(core, 'exportDrillScorecard', { id: run.id, format: 'markdown' });
    expect(file.fileName).toBe('drill-scorecard-payments-the-bad-night-2026-11-27.md');
    expect(file.mimeType).toMatch(/^text\/markdown/);
    expect(file.content).toContain('# Drill scorecard: Payments, "the" bad night');
    expect(file.content).toContain('- Drill clock: 12 min (time spent paused not counted)');
    expect(file.content).toContain('| Time to acknowledge | 3 min | 5 min | ✓ met |');
    expect(file.content).toContain('| Time to mitigate | — | 30 min | ✗ missed (not reached) |');
    expect(file.content).toContain('- Started: 2026-11-27 10:00 UTC');
    expect(file.content).toMatch(/\| Checkout error rate above 2% \| 1\. .+ \| 06:00 \| 08:00 \| 2 min \| done \|/);
    expect(file.content).toContain('| Errors, everywhere | 02:00 | fired |');
    expect(file.content).toContain('| CFO asks | — | pending |');
    // Observations keep their drill-clock time; line breaks cannot break the list.
    expect(file.content).toContain('- 08:00 — Said "rollback", then waited, for =SUM(A1)');
    expect(file.content).not.toContain('quiet hint');
  });

  it('writes CSV that a spreadsheet reads back cell for cell', async () => {
    const { core, run } = await stoppedDrill();
    const file = await op(core, 'exportDrillScorecard', { id: run.id, format: 'csv' });
    expect(file.fileName).toBe('drill-scorecard-payments-the-bad-night-2026-11-27.csv');
    const rows = parseCsv(file.content);
    expect(rows[0]).toEqual(['kind', 'name', 'text', 'at_minutes', 'end_minutes', 'minutes', 'target_minutes', 'result']);
    expect(rows.filter((row) => row[0] === 'measure')).toEqual([
      ['measure', 'Time to acknowledge', '', '', '', '3', '5', 'met'],
      ['measure', 'Time to first status update', '', '', '', '6', '10', 'met'],
      ['measure', 'Time to mitigate', '', '', '', '', '30', 'missed (not reached)'],
    ]);
    expect(rows.find((row) => row[0] === 'inject')).toEqual(['inject', 'Errors, everywhere', '', '2', '', '', '', 'fired']);
    // Quotes, commas and a line break survive; a formula is defused.
    expect(rows.find((row) => row[0] === 'observation')).toEqual(['observation', '', 'Said "rollback", then\nwaited, for =SUM(A1)', '8', '', '', '', '']);
    expect(rows.at(-1)).toEqual(['duration', 'Drill clock', '', '', '', '12', '', '']);
    expect(file.content.endsWith('\r\n')).toBe(true);
  });

  it('refuses an unknown format or run', async () => {
    const { core } = memoryCore();
    expect(await opError(core, 'exportDrillScorecard', { id: 1, format: 'xlsx' as 'csv' })).toMatchObject({ code: 'VALIDATION', field: 'format' });
    expect(await opError(core, 'exportDrillScorecard', { id: 99, format: 'csv' })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('says a short time in seconds and minutes, never as a decimal of a minute', () => {
    const quick: Scorecard = {
      runId: 1,
      scenario: 'Quick',
      startedAt: '2026-01-01T00:00:00.000Z',
      durationMinutes: 4.4,
      rows: [{ measure: 'Time to acknowledge', actualMinutes: 0.4, targetMinutes: 5, met: true }],
      steps: [],
      injects: [],
      observations: [],
    };
    const markdown = scorecardMarkdown(quick);
    expect(markdown).toContain('- Drill clock: 4 min 24 s (time spent paused not counted)');
    expect(markdown).toContain('| Time to acknowledge | 24 s | 5 min | ✓ met |');
    expect(markdown).not.toMatch(/\d\.\d min/);
  });

  it('keeps an empty scorecard readable', () => {
    const empty: Scorecard = { runId: 1, scenario: 'Quiet', startedAt: '2026-01-01T00:00:00.000Z', durationMinutes: 0, rows: [], steps: [], injects: [], observations: [] };
    expect(scorecardMarkdown(empty)).toContain('No runbook step was worked.');
    expect(scorecardMarkdown(empty)).toContain('The scenario has no injects.');
    expect(parseCsv(scorecardCsv(empty))).toHaveLength(2);
  });
});

describe('CSV fields', () => {
  it('quote what needs quoting and defuse formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField(-2)).toBe('-2');
    expect(csvField(null)).toBe('');
    expect(csvFile([['a', 1], ['b', null]])).toBe('a,1\r\nb,\r\n');
  });
});

describe('importing a scenario from text', () => {
  it('names the file in errors and updates a scenario with the same title', async () => {
    const { core } = memoryCore();
    expect(await opError(core, 'importDrillScenarioText', { markdown: '# X\n\n## Injects\n\n### Soon: thing\n', fileName: 'mine.md' })).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('mine.md:5') as string,
    });
    const first = await op(core, 'importDrillScenarioText', { markdown: SCENARIO, fileName: 'a.md' });
    const again = await op(core, 'importDrillScenarioText', { markdown: SCENARIO.replace('acknowledge: 5m', 'acknowledge: 4m'), fileName: 'a.md' });
    expect(again.id).toBe(first.id);
    expect(again.targets.acknowledgeMinutes).toBe(4);
    expect(again.injects[0]?.facilitatorNotes).toBe('quiet hint only.');
  });
});

/** A small RFC 4180 reader, to check the export the way a spreadsheet reads it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += char;
  }
  return rows;
}
