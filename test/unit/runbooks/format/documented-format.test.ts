import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryCore, op } from '../../../fixtures/core';
import { APP_ROOT, tempDir, writeFiles } from '../../../fixtures/temp';

/** The complete example in docs/runbook-format.md, as a reader would copy it. */
function documentedExample(): string {
  const doc = fs.readFileSync(path.join(APP_ROOT, 'docs', 'runbook-format.md'), 'utf8');
  const match = /^````markdown\n([\s\S]*?)^````$/m.exec(doc);
  if (!match?.[1]) throw new Error('docs/runbook-format.md has no ````markdown example');
  return match[1];
}

describe('docs/runbook-format.md', () => {
  it('its complete example imports as the document says', async () => {
    const { core } = memoryCore('2026-11-27T12:00:00Z');
    const dir = tempDir();
    writeFiles(dir, { 'queue-backlog.md': documentedExample() });
    expect(await op(core, 'importRunbooks', { paths: [dir] })).toMatchObject({ imported: 1, failed: [] });

    const [item] = (await op(core, 'listRunbooks', {})).items;
    const runbook = await op(core, 'getRunbook', { id: item?.id ?? -1 });
    expect(runbook.metadata).toMatchObject({
      title: 'Queue consumers falling behind',
      services: ['orders-worker', 'rabbitmq'],
      owner: 'team-orders',
      severity: 'SEV2',
      lastReviewed: '2026-10-01',
      reviewIntervalDays: 90,
      links: [{ label: 'Queue dashboard', url: 'https://grafana.example.internal/d/orders-queue' }],
    });
    expect(runbook.sections).toHaveLength(6);
    expect(runbook.steps.map((step) => [step.section, step.timerSeconds])).toEqual([
      ['Diagnosis', null],
      ['Diagnosis', null],
      ['Mitigation', 300],
      ['Mitigation', 600],
      ['Verification', null],
      ['Notes', null],
    ]);
    expect(runbook.steps[0]?.commands).toEqual(['rabbitmqctl list_queues name messages consumers']);
    expect(runbook.steps[1]?.text).toContain('- Pods in CrashLoopBackOff point at a bad deploy.');
    expect(runbook.reviewDue).toBe(false);
  });
});
