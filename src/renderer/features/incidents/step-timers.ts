/**
 * Step timers as data: when a started step's timer is due, read from the stored
 * start, the incident's resolution and its drill's pauses (no DOM, no clock of its own).
 */
import type { DrillRun, PausedSpan } from '../../../shared/drills';
import type { Incident, IncidentStep } from '../../../shared/incidents';
import { stepLine } from '../../../shared/step-text';

/**
 * What stops a step's timer: the incident's resolution (a resolved incident has
 * nothing left to time), and the drill standing paused (the timer waits with it).
 */
export interface TimerStops {
  /** Epoch ms of the resolution, or null while the incident is open. */
  resolvedAt: number | null;
  pauses: readonly PausedSpan[];
}

export const NO_STOPS: TimerStops = { resolvedAt: null, pauses: [] };

/** The stops of an incident's timers; `drills` are the drills running or paused now (a DRILL incident's run among them). */
export function timerStops(incident: Pick<Incident, 'id' | 'status' | 'resolvedAt' | 'startedAt'>, drills: readonly DrillRun[] | null): TimerStops {
  const resolvedAt = incident.status === 'resolved' ? Date.parse(incident.resolvedAt ?? incident.startedAt) : null;
  return { resolvedAt, pauses: drills?.find((run) => run.incidentId === incident.id)?.pauses ?? [] };
}

/** Milliseconds a timer started at `startedAt` has run by `now`: never past the resolution, never while the drill stood paused. */
export function timerRunMs(startedAt: number, now: number, stops: TimerStops): number {
  const end = stops.resolvedAt === null ? now : Math.min(now, stops.resolvedAt);
  let run = end - startedAt;
  for (const span of stops.pauses) {
    const from = Math.max(Date.parse(span.from), startedAt);
    const to = Math.min(span.to === null ? end : Date.parse(span.to), end);
    if (to > from) run -= to - from;
  }
  return Math.max(0, run);
}

/** Where a started step's timer stands: time left (negative once due), and why it stands still, if it does. */
export interface TimerReading {
  leftMs: number;
  due: boolean;
  stopped: 'resolved' | 'paused' | null;
}

export function readStepTimer(startedAt: number, seconds: number, now: number, stops: TimerStops): TimerReading {
  const leftMs = seconds * 1000 - timerRunMs(startedAt, now, stops);
  const pausedNow = stops.pauses.some((span) => span.to === null || Date.parse(span.to) > now);
  return { leftMs, due: leftMs <= 0, stopped: stops.resolvedAt !== null ? 'resolved' : pausedNow ? 'paused' : null };
}

/** A started step with a timer: when it is due comes from the stored start, never from counted ticks. */
export interface StepTimer {
  key: string;
  incidentId: number;
  incidentTitle: string;
  runbookId: number;
  runbookTitle: string;
  stepId: string;
  stepNumber: number;
  /** The step's first line. */
  text: string;
  startedAt: number;
  seconds: number;
  stops: TimerStops;
}

/** The running timers of an incident's started steps; none once the incident is resolved. */
export function stepTimers(incident: Incident, drills: readonly DrillRun[] | null = null): StepTimer[] {
  if (incident.status === 'resolved') return [];
  const stops = timerStops(incident, drills);
  return incident.runbooks.flatMap((runbook) =>
    runbook.steps.flatMap((step) => {
      if (!isTimed(step)) return [];
      return [
        {
          // The start instant is part of the key: a step started again is a new timer.
          key: `${incident.id}:${runbook.runbookId}:${step.id}:${step.startedAt}`,
          incidentId: incident.id,
          incidentTitle: incident.title,
          runbookId: runbook.runbookId,
          runbookTitle: runbook.title,
          stepId: step.id,
          stepNumber: step.number,
          text: stepLine(step.text),
          startedAt: Date.parse(step.startedAt),
          seconds: step.timerSeconds,
          stops,
        },
      ];
    }),
  );
}

/** A step whose timer has been started. */
export const isTimed = (step: IncidentStep): step is IncidentStep & { startedAt: string; timerSeconds: number } =>
  step.state === 'started' && step.timerSeconds !== null && step.startedAt !== null;

/** Whether a timer is due at `now` (a paused or resolved incident's timer stands still, so it only is if it already was). */
export const isDue = (timer: StepTimer, now: number): boolean => readStepTimer(timer.startedAt, timer.seconds, now, timer.stops).due;


