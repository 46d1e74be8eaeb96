import { describe, expect, it } from 'vitest';
import { isDue, NO_STOPS, readStepTimer, stepTimers, timerRunMs, timerStops } from '../../../../../src/renderer/features/incidents/step-timers';
import type { DrillRun } from '../../../../../src/shared/drills';
import type { Incident } from '../../../../../src/shared/incidents';

const at = (time: string) => Date.parse(`2026-11-27T${time}Z`);

/** An incident with one started step timed at five minutes (started 10:00). */
function incident(patch: Partial<Incident> = {}): Incident {
  return {
    id: 7,
    title: 'Checkout errors',
    severity: 'SEV2',
    status: 'investigating',
    services: ['checkout'],
    drill: false,
    startedAt: '2026-11-27T09:55:00.000Z',
    resolvedAt: null,
    lastUpdateAt: null,
    commander: null,
    detectedAt: '2026-11-27T09:55:00.000Z',
    declaredAt: '2026-11-27T09:55:00.000Z',
    acknowledgedAt: null,
    mitigatedAt: null,
    resolutionSummary: '',
    timeZone: 'UTC',
    roles: [],
    eventCount: 3,
    updateEveryMinutes: 30,
    runbooks: [
      {
        runbookId: 1,
        title: 'Checkout error rate above 2%',
        revision: 1,
        attachedAt: '2026-11-27T09:56:00.000Z',
        steps: [
          {
            id: 's7',
            number: 7,
            section: 'Mitigation',
            sectionId: 'mitigation',
            text: 'Roll it back now ⏱ 5m',
            commands: [],
            timerSeconds: 300,
            state: 'started',
            startedAt: '2026-11-27T10:00:00.000Z',
            finishedAt: null,
            note: '',
            actor: 'maya',
          },
        ],
      },
    ],
    ...patch,
  } as Incident;
}

const pausedDrill = (pauses: DrillRun['pauses']) => [{ incidentId: 7, pauses } as DrillRun];

describe('step timers', () => {
  it('run from the stored start and fall due after their duration', () => {
    const [timer] = stepTimers(incident());
    expect(timer).toMatchObject({ stepNumber: 7, text: 'Roll it back now', seconds: 300 });
    if (!timer) throw new Error('no timer');
    expect(isDue(timer, at('10:04:59'))).toBe(false);
    expect(isDue(timer, at('10:05:00'))).toBe(true);
    expect(readStepTimer(timer.startedAt, 300, at('10:06:00'), NO_STOPS)).toEqual({ leftMs: -60_000, due: true, stopped: null });
  });

  it('stop when the incident is resolved: no due timer (no alert, no notification), and the countdown stands where it was', () => {
    const resolved = incident({ status: 'resolved', resolvedAt: '2026-11-27T10:03:00.000Z' });
    expect(stepTimers(resolved)).toEqual([]);
    const stops = timerStops(resolved, null);
    // Two minutes left at the resolution, and still two minutes an hour later.
    expect(readStepTimer(at('10:00:00'), 300, at('11:00:00'), stops)).toEqual({ leftMs: 120_000, due: false, stopped: 'resolved' });
  });

  it('stand still while the drill is paused, and run on when it resumes', () => {
    const paused = timerStops(incident(), pausedDrill([{ from: '2026-11-27T10:02:00.000Z', to: null }]));
    const [timer] = stepTimers(incident(), pausedDrill([{ from: '2026-11-27T10:02:00.000Z', to: null }]));
    if (!timer) throw new Error('no timer');
    expect(isDue(timer, at('10:30:00'))).toBe(false);
    expect(readStepTimer(at('10:00:00'), 300, at('10:30:00'), paused)).toEqual({ leftMs: 180_000, due: false, stopped: 'paused' });
    // Resumed at 10:20 after 18 minutes paused: due at 10:23, not 10:05.
    const resumed = timerStops(incident(), pausedDrill([{ from: '2026-11-27T10:02:00.000Z', to: '2026-11-27T10:20:00.000Z' }]));
    expect(timerRunMs(at('10:00:00'), at('10:22:59'), resumed)).toBe(299_000);
    expect(readStepTimer(at('10:00:00'), 300, at('10:23:00'), resumed)).toEqual({ leftMs: 0, due: true, stopped: null });
  });

  it('count only the paused time after the step started, over several pauses', () => {
    const stops = timerStops(
      incident(),
      pausedDrill([
        { from: '2026-11-27T09:58:00.000Z', to: '2026-11-27T10:01:00.000Z' },
        { from: '2026-11-27T10:03:00.000Z', to: '2026-11-27T10:04:00.000Z' },
      ]),
    );
    // 1 min of the first pause and all of the second stand still: due at 10:07, not 10:05.
    expect(readStepTimer(at('10:00:00'), 300, at('10:06:59'), stops)).toMatchObject({ leftMs: 1000, due: false, stopped: null });
    expect(readStepTimer(at('10:00:00'), 300, at('10:07:00'), stops)).toMatchObject({ leftMs: 0, due: true });
  });

  it('stand at the resolution even when the drill was paused then: resolved is what the step shows', () => {
    const resolved = incident({ status: 'resolved', resolvedAt: '2026-11-27T10:04:00.000Z' });
    const stops = timerStops(resolved, pausedDrill([{ from: '2026-11-27T10:02:00.000Z', to: null }]));
    expect(readStepTimer(at('10:00:00'), 300, at('12:00:00'), stops)).toEqual({ leftMs: 180_000, due: false, stopped: 'resolved' });
  });

  it('come from started steps with a timer only, and a step started again is a new timer (its alert comes back)', () => {
    const [runbook] = incident().runbooks;
    const step = runbook?.steps[0];
    if (!runbook || !step) throw new Error('no step');
    const steps = [
      step,
      { ...step, id: 's8', number: 8, state: 'done', finishedAt: '2026-11-27T10:02:00.000Z' },
      { ...step, id: 's9', number: 9, timerSeconds: null },
      { ...step, id: 's10', number: 10, state: 'pending', startedAt: null },
    ];
    const timers = stepTimers(incident({ runbooks: [{ ...runbook, steps }] as Incident['runbooks'] }));
    expect(timers.map((timer) => timer.stepNumber)).toEqual([7]);
    const [again] = stepTimers(incident({ runbooks: [{ ...runbook, steps: [{ ...step, startedAt: '2026-11-27T10:30:00.000Z' }] }] }));
    expect(again?.key).not.toBe(timers[0]?.key);
    if (!again) throw new Error('no timer');
    expect(isDue(again, at('10:34:59'))).toBe(false);
    expect(isDue(again, at('10:35:00'))).toBe(true);
  });

  it('do not count a pause that ended before the step started', () => {
    const stops = timerStops(incident(), pausedDrill([{ from: '2026-11-27T09:57:00.000Z', to: '2026-11-27T09:59:00.000Z' }]));
    expect(timerRunMs(at('10:00:00'), at('10:05:00'), stops)).toBe(300_000);
  });
});
