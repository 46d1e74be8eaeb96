import { describe, expect, it } from 'vitest';
import { scorecardCsv, scorecardMarkdown } from '../../../src/main/drills/scorecard-export';
import type { Scorecard } from '../../../src/shared/drills';
import { blockCommands, inlineCode, looksLikeCommand, plainInline, stepLine, stepSummary } from '../../../src/shared/step-text';
import { memoryCore, op } from '../../fixtures/core';
import { corpusDir, skipWithoutCorpus } from '../../fixtures/corpus';
import { tempDir, writeFiles } from '../../fixtures/temp';

const RUNBOOK = `# Checkout errors

## Mitigation

1. Post in \`#inc-checkout\` that \`payments-api\` is degraded ⏱ 5m
2. If the pager is silent, switch to the
   [backup channel](https://chat.example.com/backup)
3. Roll back with \`kubectl -n shop rollout undo deployment/checkout\`, then watch:
   \`\`\`sh
   kubectl -n shop rollout status deployment/checkout
   \`\`\`
4. \`\`\`
   ./drain.sh node-3
   \`\`\`
`;

async function withRunbook(markdown = RUNBOOK) {
  const { core, clock } = memoryCore('2026-11-27T03:00:00Z');
  const dir = tempDir();
  writeFiles(dir, { 'checkout.md': markdown });
  await op(core, 'importRunbooks', { paths: [dir] });
  const [item] = (await op(core, 'listRunbooks', {})).items;
  return { core, clock, runbook: await op(core, 'getRunbook', { id: item?.id ?? -1 }) };
}

describe('a step’s summary', () => {
  it('is its whole first paragraph as inline Markdown, a link on the next line included, its timer left out', async () => {
    const { runbook } = await withRunbook();
    expect(runbook.steps.map((step) => stepSummary(step.text))).toEqual([
      'Post in `#inc-checkout` that `payments-api` is degraded',
      'If the pager is silent, switch to the [backup channel](https://chat.example.com/backup)',
      'Roll back with `kubectl -n shop rollout undo deployment/checkout`, then watch:',
      '`./drain.sh node-3`',
    ]);
    expect(runbook.steps.map((step) => stepLine(step.text))).toEqual([
      'Post in #inc-checkout that payments-api is degraded',
      'If the pager is silent, switch to the backup channel',
      'Roll back with kubectl -n shop rollout undo deployment/checkout, then watch:',
      './drain.sh node-3',
    ]);
    expect(plainInline('**Do** _not_ ~~skip~~ \\*this\\* <https://x.example>')).toBe('Do not skip *this* https://x.example');
  });

  it('reads whole in the timeline, the CLI’s text and the post-mortem, and renders as code in its HTML', async () => {
    const { core, runbook } = await withRunbook();
    const { id } = await op(core, 'declareIncident', { title: 'Checkout failing', severity: 'SEV2' });
    await op(core, 'attachRunbook', { id, runbookId: runbook.id });
    const steps = (await op(core, 'getIncident', { id })).runbooks[0]?.steps ?? [];
    const started = await op(core, 'setStepState', { id, runbookId: runbook.id, stepId: steps[1]?.id ?? '', state: 'started' });
    expect(started.text).toBe('Started: step 2 of “Checkout errors” — If the pager is silent, switch to the backup channel');
    expect(started.data.step).toBe('If the pager is silent, switch to the [backup channel](https://chat.example.com/backup)');
    const done = await op(core, 'setStepState', { id, runbookId: runbook.id, stepId: steps[0]?.id ?? '', state: 'done', note: 'posted' });
    expect(done.text).toBe('Done: step 1 of “Checkout errors” — Post in #inc-checkout that payments-api is degraded\nposted');

    const markdown = (await op(core, 'exportPostmortem', { incidentId: id, format: 'md' })).content;
    expect(markdown).toContain('| 2 | If the pager is silent, switch to the [backup channel](https://chat.example.com/backup) | started |');
    expect(markdown).toContain('— Post in #inc-checkout that payments-api is degraded — posted');
    const html = (await op(core, 'exportPostmortem', { incidentId: id, format: 'html' })).content;
    expect(html).toContain('<td>Post in <code>#inc-checkout</code> that <code>payments-api</code> is degraded</td>');
    expect(html).not.toContain('`');
  });
});

describe('a step in a drill scorecard', () => {
  it('is plain text in the CSV and Markdown in the Markdown export', () => {
    const scorecard: Scorecard = {
      runId: 1,
      scenario: 'Checkout',
      startedAt: '2026-11-27T10:00:00.000Z',
      durationMinutes: 12,
      rows: [],
      steps: [{ runbook: 'Checkout errors', step: 1, text: 'Post in `#inc-checkout`, then [page](https://pager.example) the owner', state: 'done', startMinutes: 1, endMinutes: 2.5, durationMinutes: 1.5 }],
      injects: [],
      observations: [],
    };
    expect(scorecardCsv(scorecard)).toContain('step,Checkout errors #1,"Post in #inc-checkout, then page the owner",1,2.5,1.5,,done');
    expect(scorecardMarkdown(scorecard)).toContain('| Checkout errors | 1. Post in `#inc-checkout`, then [page](https://pager.example) the owner | 01:00 | 02:30 | 1 min 30 s | done |');
  });
});

describe('which code is a command', () => {
  it('is every code block and inline code that reads as a command line, never a name', () => {
    for (const command of ['kubectl -n $NAMESPACE get pod $POD', '$ kubectl get nodes', 'systemctl restart nginx', './drain.sh node-3', '/usr/local/bin/flush --all', 'up == 0']) {
      expect(looksLikeCommand(command), command).toBe(true);
    }
    for (const name of ['payments-api', '#inc-checkout', 'NodeFilesystemSpaceFillingUp', 'etcdserver: no leader', 'long: 1h', '> 0.01', 'severity="info"', 'machineconfiguration.openshift.io/state : Working', 'New Relic', '']) {
      expect(looksLikeCommand(name), name).toBe(false);
    }
  });

  it('lists a step’s commands once: inline ones copied where they stand, blocks under the step', async () => {
    const { runbook } = await withRunbook();
    expect(runbook.steps.map((step) => step.commands)).toEqual([
      [],
      [],
      ['kubectl -n shop rollout undo deployment/checkout', 'kubectl -n shop rollout status deployment/checkout'],
      ['./drain.sh node-3'],
    ]);
    expect(runbook.steps.map((step) => blockCommands(step))).toEqual([[], [], ['kubectl -n shop rollout status deployment/checkout'], ['./drain.sh node-3']]);
  });
});

describe.skipIf(skipWithoutCorpus)('steps of the prometheus-operator runbooks', () => {
  it('are never cut before a link on the next line, give names no Copy button, and show no command twice', async () => {
    const { core } = memoryCore();
    await op(core, 'importRunbooks', { paths: [corpusDir()] });
    const runbooks = await Promise.all((await op(core, 'listRunbooks', {})).items.map((item) => op(core, 'getRunbook', { id: item.id })));
    const transmit = runbooks.find((runbook) => runbook.relativePath === 'content/runbooks/node/NodeNetworkTransmitErrs.md');
    expect(transmit?.steps.map((step) => stepLine(step.text))).toContain('Look into introducting Quality of Service or other TCP congestion avoidance algorithms');

    const steps = runbooks.flatMap((runbook) => runbook.steps);
    expect(steps.length).toBeGreaterThan(200);
    for (const step of steps) {
      // A code block is always a command; inline code only when it reads as one.
      const inline = new Set(inlineCode(step.text));
      for (const command of step.commands.filter((command) => inline.has(command))) expect(looksLikeCommand(command), command).toBe(true);
      expect(blockCommands(step).filter((command) => inline.has(command))).toEqual([]);
      expect(stepSummary(step.text)).not.toBe('');
    }
    // Names in inline code (alert names, metrics, namespaces) are not commands; kubectl lines are.
    const commands = steps.flatMap((step) => step.commands);
    expect(commands).toContain('kubectl -n $NAMESPACE describe pod $POD');
    expect(commands).not.toContain('kube-system');
    expect(commands).not.toContain('etcd_disk_wal_fsync_duration_seconds_bucket');
  });
});
