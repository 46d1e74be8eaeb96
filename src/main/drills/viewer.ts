import type { Session } from '../../shared/access';
import type { DrillRun, Scorecard } from '../../shared/drills';

/** What an inject that has not fired shows a viewer in place of its title. */
const NOT_FIRED = 'Inject not yet fired';

/**
 * A drill run as a viewer may see it: what responders have already been shown,
 * not the script. Facilitator notes go, and an inject that has not fired keeps
 * only its place in the queue.
 */
export function withoutScript(run: DrillRun): DrillRun {
  return {
    ...run,
    injects: run.injects.map((inject) =>
      inject.status === 'fired' ? { ...inject, facilitatorNotes: '' } : { ...inject, title: NOT_FIRED, text: '', facilitatorNotes: '' },
    ),
  };
}

/** A scorecard as a viewer may see it: an inject that never fired is counted, not named (the scenario may be run again). */
export function scorecardWithoutScript(scorecard: Scorecard): Scorecard {
  return { ...scorecard, injects: scorecard.injects.map((inject) => (inject.status === 'fired' ? inject : { ...inject, title: NOT_FIRED })) };
}

/**
 * Every read that carries a drill's runs or scorecards goes through these, so a
 * viewer session gets them without the script and a responder gets them whole.
 */
export const runFor = (session: Session, run: DrillRun): DrillRun => (session.role === 'viewer' ? withoutScript(run) : run);
export const scorecardFor = (session: Session, scorecard: Scorecard): Scorecard =>
  session.role === 'viewer' ? scorecardWithoutScript(scorecard) : scorecard;
