import { routeHref } from '../../../app/route';
import { ScorecardView } from '../scorecard/ScorecardView';
import { useDrillRun } from '../queries';
import { FacilitatorConsole } from './FacilitatorConsole';

/** `#/drills/runs/:id`: the facilitator's console while the drill runs, its scorecard once it has stopped. */
export function DrillRunScreen({ id }: { id: number }) {
  const { live, problem } = useDrillRun(id);

  if (!live) {
    return (
      <div className="drills-screen">
        {problem ? (
          <>
            <h1>Drill {id} could not be opened</h1>
            <p>{problem}</p>
          </>
        ) : (
          <p className="muted">Loading drill {id}…</p>
        )}
        <a href={routeHref({ screen: 'drills' })}>All drills</a>
      </div>
    );
  }
  return live.run.state === 'stopped' ? <ScorecardView run={live.run} /> : <FacilitatorConsole live={live} />;
}
