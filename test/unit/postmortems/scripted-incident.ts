import type { Core } from '../../../src/main/core/core';
import type { fixedClock } from '../../../src/main/core/clock';
import { op } from '../../fixtures/core';
import { tempDir, writeFiles } from '../../fixtures/temp';

const RUNBOOK = `# Checkout errors

## Mitigation

- [ ] Roll back the last deploy ⏱ 5m
      \`kubectl -n shop rollout undo deployment/checkout\`
- [ ] Scale checkout to 12 replicas
- [ ] Purge the CDN cache
`;

/** One incident, scripted minute by minute on a fixed clock, touching every part of the record. */
export async function scriptedIncident(core: Core, clock: ReturnType<typeof fixedClock>): Promise<number> {
  const dir = tempDir();
  writeFiles(dir, { 'checkout-errors.md': RUNBOOK });
  await op(core, 'importRunbooks', { paths: [dir] });
  const [runbook] = (await op(core, 'listRunbooks', {})).items;

  clock.set('2026-11-27T03:12:00Z');
  const { id } = await op(core, 'declareIncident', {
    title: 'Checkout returns 502s',
    severity: 'SEV2',
    services: ['checkout', 'payments-api'],
    startedAt: '2026-11-27T03:02:00Z',
    detectedAt: '2026-11-27T03:09:00Z',
    timeZone: 'America/New_York',
    actor: 'pager',
  });
  clock.set('2026-11-27T03:14:00Z');
  // Maya acknowledges the page, then takes command: naming a commander alone acknowledges nothing.
  await op(core, 'acknowledgeIncident', { id, actor: 'maya' });
  await op(core, 'assignRole', { id, role: 'commander', person: { handle: 'maya', name: 'Maya Torres' }, actor: 'maya' });
  clock.set('2026-11-27T03:15:00Z');
  const firstNote = await op(core, 'logNote', { id, text: 'Error rate at 40% since the 03:00 deploy', actor: 'maya' });
  await op(core, 'markKey', { id, eventId: firstNote.id, key: true, actor: 'maya' });
  clock.set('2026-11-27T03:16:00Z');
  await op(core, 'attachRunbook', { id, runbookId: runbook?.id ?? -1, actor: 'maya' });
  const [attached] = (await op(core, 'getIncident', { id })).runbooks;
  const [rollback, scale, purge] = attached?.steps ?? [];
  await op(core, 'setStepState', { id, runbookId: runbook?.id ?? -1, stepId: rollback?.id ?? '', state: 'started', actor: 'lee' });
  clock.set('2026-11-27T03:21:00Z');
  await op(core, 'setStepState', { id, runbookId: runbook?.id ?? -1, stepId: rollback?.id ?? '', state: 'done', note: 'Back on v41', actor: 'lee' });
  await op(core, 'setStepState', { id, runbookId: runbook?.id ?? -1, stepId: scale?.id ?? '', state: 'skipped', note: 'Not needed after the rollback', actor: 'lee' });
  clock.set('2026-11-27T03:22:00Z');
  await op(core, 'changeStatus', { id, status: 'monitoring', actor: 'maya' });
  const wrong = await op(core, 'logNote', { id, text: 'Errors back to 0.01%', actor: 'lee' });
  clock.set('2026-11-27T03:23:00Z');
  await op(core, 'correctEvent', { id, eventId: wrong.id, text: 'Errors back to 0.1%', actor: 'lee' });
  clock.set('2026-11-27T03:25:00Z');
  await op(core, 'setStepState', { id, runbookId: runbook?.id ?? -1, stepId: purge?.id ?? '', state: 'failed', note: 'CDN API timed out', actor: 'lee' });
  await op(core, 'assignRole', { id, role: 'commander', person: { handle: 'sam', name: 'Sam Okoro' }, actor: 'sam' });
  clock.set('2026-11-27T03:40:00Z');
  await op(core, 'changeStatus', { id, status: 'resolved', summary: 'Deploy v42 broke TLS to payments-api; rolling back to v41 fixed it.', actor: 'sam' });
  await op(core, 'saveActionItem', { incidentId: id, description: 'Add a canary for TLS to payments-api', type: 'prevent', owner: 'maya', dueDate: '2026-12-15' });
  return id;
}
