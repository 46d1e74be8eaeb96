import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, operationNames, type OperationName } from '../../../src/main/api';
import { operations } from '../../../src/main/op-table';
import { mayCall } from '../../../src/main/operations/access';
import { RESPONDER, VIEWER, type Session } from '../../../src/shared/access';
import { op } from '../../fixtures/core';
import { forkSeeded, sampleInputs, seededCore, type Seeded } from '../../fixtures/seeded';

/** Words that exist only in the drill's script: the viewer must never read them in any answer. */
const SECRETS = {
  unfiredTitle: 'Quartz lighthouse tips over',
  unfiredText: 'The quartz lighthouse in zone nine stops answering pings.',
  unfiredNotes: 'Facilitator only: the lighthouse was unplugged on purpose by marigold.',
  firedNotes: 'Facilitator only: expect them to blame the periwinkle cache.',
};

/** Every operation a viewer session may call, straight from the contract and its access table. */
const viewerReads = operationNames.filter((name) => mayCall(VIEWER, operations[name].access));

describe('a viewer reading a drill in progress', () => {
  let seeded: Seeded;
  /** The sample inputs naming the drill in progress, then a stopped run of the same scenario. */
  let passes: { [N in OperationName]: unknown }[];

  beforeAll(async () => {
    const template = await seededCore();
    seeded = forkSeeded(template);
    template.core.close();
    const { core } = seeded;
    const scenario = await op(core, 'saveDrillScenario', {
      title: 'Lighthouse game day',
      services: ['checkout'],
      injects: [
        { title: 'Pings slow down', text: 'Ping latency to zone nine doubles.', facilitatorNotes: SECRETS.firedNotes, offsetSeconds: 60 },
        { title: SECRETS.unfiredTitle, text: SECRETS.unfiredText, facilitatorNotes: SECRETS.unfiredNotes, offsetSeconds: 3600 },
      ],
    });
    const fire = async (id: number) => {
      const run = await op(core, 'getDrill', { id });
      await op(core, 'drillInject', { id, injectId: run.injects[0]?.injectId ?? '', action: 'fire' });
    };
    const stopped = await op(core, 'startDrill', { scenarioId: scenario.id });
    await fire(stopped.id);
    await op(core, 'drillObservation', { id: stopped.id, text: 'They found the dashboard fast.' });
    await op(core, 'stopDrill', { id: stopped.id });
    const running = await op(core, 'startDrill', { scenarioId: scenario.id });
    await fire(running.id);
    const named = (runId: number) => sampleInputs({ ...seeded, scenarioId: scenario.id, runId, pausedRunId: runId });
    passes = [named(running.id), named(stopped.id)];
  });
  afterAll(() => seeded.core.close());

  /** Every answer a session gets from every read of every pass, with extra inputs for the reads that take options. */
  async function answers(session: Session): Promise<{ name: OperationName; answer: string; ok: boolean }[]> {
    const found = [];
    for (const inputs of passes) {
      for (const name of viewerReads) {
        const variants = [inputs[name]];
        if (name === 'exportDrillScorecard') variants.push({ ...(inputs[name] as object), format: 'markdown' });
        if (name === 'listDrillRuns') variants.push({ scenarioId: (inputs.drillTrends as { id: number }).id });
        for (const input of variants) {
          const result = await dispatch(seeded.core, name, input, session);
          found.push({ name, answer: JSON.stringify(result), ok: result.ok });
        }
      }
    }
    return found;
  }

  it('covers every read of the contract, drill reads among them', () => {
    expect(viewerReads).toEqual(expect.arrayContaining(['getDrill', 'listDrillRuns', 'drillScorecard', 'drillTrends', 'exportDrillScorecard']));
    expect(viewerReads).not.toContain('listDrillScenarios');
  });

  it('finds the script in the answers a responder gets (so the check below can fail)', async () => {
    const all = (await answers(RESPONDER)).map((entry) => entry.answer).join('\n');
    for (const secret of Object.values(SECRETS)) expect(all).toContain(secret);
  });

  it('never reads an unfired inject nor a facilitator note through any read operation', async () => {
    for (const { name, answer, ok } of await answers(VIEWER)) {
      // getRunbookAsset's sample names an image the demo runbook does not have; syncConflict needs a folder connected to a
      // team remote (this fork is not), and says so.
      if (name !== 'getRunbookAsset' && name !== 'syncConflict') expect(ok, `${name}: ${answer.slice(0, 300)}`).toBe(true);
      for (const [what, secret] of Object.entries(SECRETS)) expect(answer, `${name} shows ${what}`).not.toContain(secret);
    }
  });

  it('still sees what responders were shown: the fired inject, and the unfired one by its place only', async () => {
    const run = await dispatch(seeded.core, 'getDrill', passes[0]?.getDrill, VIEWER);
    expect(run).toMatchObject({ ok: true, value: { injects: [{ title: 'Pings slow down', status: 'fired' }, { title: 'Inject not yet fired', status: 'pending' }] } });
    const scorecard = await dispatch(seeded.core, 'drillScorecard', passes[1]?.drillScorecard, VIEWER);
    expect(scorecard).toMatchObject({ ok: true, value: { injects: [{ title: 'Pings slow down', status: 'fired' }, { title: 'Inject not yet fired' }] } });
  });
});
