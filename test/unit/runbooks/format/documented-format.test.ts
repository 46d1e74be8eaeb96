import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBody } from '../../../../src/main/runbooks/format/markdown';
import { DEFAULT_PROCEDURE_HEADINGS } from '../../../../src/main/runbooks/format/structure';
import { stepLine } from '../../../../src/shared/step-text';
import { memoryCore, op } from '../../../fixtures/core';
import { APP_ROOT, tempDir, writeFiles } from '../../../fixtures/temp';

/** The complete example in docs/runbook-format.md, as a reader would copy it. */
function documentedExample(): string {
  const doc = fs.readFileSync(path.join(APP_ROOT, 'docs', 'runbook-format.md'), 'utf8');
  const match = /^````markdown\n([\s\S]*?)^````$/m.exec(doc);
  if (!match?.[1]) throw new Error('docs/runbook-format.md has no ````markdown example');
  return match[1];
}

/** The examples under "Steps from prose": the prose section (a ````md block), then the same as a list (a ```md block). */
function proseExamples(): { prose: string; list: string } {
  const doc = fs.readFileSync(path.join(APP_ROOT, 'docs', 'runbook-format.md'), 'utf8');
  const part = doc.slice(doc.indexOf('### Steps from prose'));
  const prose = /^````md\n([\s\S]*?)^````$/m.exec(part)?.[1];
  const list = /^```md\n([\s\S]*?)^```$/m.exec(part)?.[1];
  if (!prose || !list) throw new Error('docs/runbook-format.md has no examples under "Steps from prose"');
  return { prose, list };
}

describe('docs/runbook-format.md', () => {
  it('its prose example gives the three steps it lists, and the list example one step per item', () => {
    const { prose, list } = proseExamples();
    const steps = parseBody(prose, DEFAULT_PROCEDURE_HEADINGS).structure.steps;
    expect(steps.map((step) => [stepLine(step.text), step.timerSeconds])).toEqual([
      ['Check whether a deploy flushed the cache:', null],
      ['If it did, let the cache warm up', 600],
      ['Raise the memory limit', null],
    ]);
    expect(steps.map((step) => step.commands.length)).toEqual([1, 0, 1]);
    expect(parseBody(list, DEFAULT_PROCEDURE_HEADINGS).structure.steps.map((step) => stepLine(step.text))).toEqual([
      'Check whether a deploy flushed the cache: kubectl -n cache rollout history statefulset/redis',
      'If it did, let the cache warm up',
    ]);
  });

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
