import { describe, expect, it } from 'vitest';
import { blankInject, toDraft, toInput } from '../../../../../../src/renderer/features/drills/editor/draft';
import type { DrillScenario } from '../../../../../../src/shared/drills';

const scenario: DrillScenario = {
  id: 4,
  title: 'Search goes dark',
  objectives: 'Acknowledge fast.',
  services: ['search'],
  runbooks: ['Search p99 latency spike'],
  targets: { acknowledgeMinutes: 5, firstUpdateMinutes: null, mitigateMinutes: 45 },
  injects: [
    { id: '1-latency-alarm', title: 'Latency alarm', text: 'p99 at 4 s.', facilitatorNotes: 'Cache flush.', offsetSeconds: 90 },
    { id: '2-cache-node-lost', title: 'Cache node lost', text: 'One node stops.', facilitatorNotes: '', offsetSeconds: null },
  ],
  lastRunAt: null,
  runCount: 0,
  updatedAt: '2026-11-27T10:00:00.000Z',
};

describe('the scenario editor’s form', () => {
  it('gives back the scenario it was filled from', () => {
    const result = toInput(toDraft(scenario), scenario.id);
    // Everything the form edits comes back as it was; what the store keeps (inject ids, run counts, times) is not sent.
    const { lastRunAt: _lastRunAt, runCount: _runCount, updatedAt: _updatedAt, injects, ...edited } = scenario;
    expect(result).toEqual({ ok: true, input: { ...edited, injects: injects.map(({ id: _id, ...inject }) => inject) } });
  });

  it('takes minutes with a decimal comma and a service still being typed', () => {
    const draft = { ...toDraft(null), title: 'Quick', pendingService: 'payments, search', services: ['search'] };
    draft.injects = [{ ...blankInject(), title: 'Alarm', atMinutes: '2,5' }];
    const result = toInput(draft, null);
    expect(result.ok && result.input.injects?.[0]?.offsetSeconds).toBe(150);
    expect(result.ok && result.input.services).toEqual(['search', 'payments']);
    expect(result.ok && 'id' in result.input).toBe(false);
  });

  it('names every field that needs fixing', () => {
    const draft = { ...toDraft(null), targets: { acknowledge: 'soon', firstUpdate: '', mitigate: '-3' } };
    draft.injects = [{ ...blankInject(), title: 'Alarm', atMinutes: '' }, { ...blankInject(), title: ' ', timing: 'manual' as const }];
    const result = toInput(draft, null);
    expect(result.ok ? [] : result.errors.map((error) => error.field)).toEqual(['title', 'targets.acknowledge', 'targets.mitigate', 'injects.0.atMinutes', 'injects.1.title']);
    expect(result.ok ? '' : result.errors[3]?.message).toBe('Inject 1: when should it fire? Give the minutes after the start, or make it manual.');
  });
});
