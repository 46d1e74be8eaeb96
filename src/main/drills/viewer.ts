import type { DrillRun } from '../../shared/drills';

/**
 * A drill run as a viewer may see it: what responders have already been shown,
 * not the script. Facilitator notes go, and an inject that has not fired keeps
 * only its place in the queue.
 */
export function withoutScript(run: DrillRun): DrillRun {
  return {
    ...run,
    injects: run.injects.map((inject) =>
      inject.status === 'fired'
        ? { ...inject, facilitatorNotes: '' }
        : { ...inject, title: 'Inject not yet fired', text: '', facilitatorNotes: '' },
    ),
  };
}
