import type { AttachedRunbook, Incident, IncidentStep } from '../../../../shared/incidents';
import { stepKey } from './selection';

/** A step of any attached runbook, in the order the runner walks them. */
export interface WalkStep {
  key: string;
  runbook: AttachedRunbook;
  step: IncidentStep;
  /** 0-based position across all attached runbooks. */
  index: number;
}

export function walk(incident: Incident): WalkStep[] {
  let index = 0;
  return incident.runbooks.flatMap((runbook) => runbook.steps.map((step) => ({ key: stepKey(runbook.runbookId, step.id), runbook, step, index: index++ })));
}

const finished = (step: IncidentStep) => step.state === 'done' || step.state === 'skipped' || step.state === 'failed';

export function progress(steps: { step: IncidentStep }[]) {
  const count = (state: IncidentStep['state']) => steps.filter((item) => item.step.state === state).length;
  return {
    total: steps.length,
    finished: steps.filter((item) => finished(item.step)).length,
    done: count('done'),
    skipped: count('skipped'),
    failed: count('failed'),
    started: count('started'),
  };
}

/** Where the runner opens: the step in progress, else the first one not yet walked, else the first. */
export function defaultStep(steps: WalkStep[]): WalkStep | undefined {
  return steps.find((item) => item.step.state === 'started') ?? steps.find((item) => item.step.state === 'pending') ?? steps[0];
}

/** After finishing a step: the next one not yet walked (looking past it first, then from the top). */
export function nextToWalk(steps: WalkStep[], after: WalkStep): WalkStep {
  const open = (item: WalkStep) => item.key !== after.key && (item.step.state === 'pending' || item.step.state === 'started');
  return steps.slice(after.index + 1).find(open) ?? steps.find(open) ?? after;
}
