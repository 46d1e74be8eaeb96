import { routeHref } from '../../../app/route';
import { NotOpened } from '../../../components/NotOpened';
import { ScorecardView } from '../scorecard/ScorecardView';
import { useDrillRun } from '../queries';
import { FacilitatorConsole } from './FacilitatorConsole';

/** `#/drills/runs/:id`: the facilitator's console while the drill runs, its scorecard once it has stopped. */
export function DrillRunScreen({ id }: { id: number }) {
  const { live, problem } = useDrillRun(id);

  if (!live) return <NotOpened className="drills-screen" noun="Drill" id={id} problem={problem} back={{ href: routeHref({ screen: 'drills' }), label: 'All drills' }} />;
  return live.run.state === 'stopped' ? <ScorecardView run={live.run} /> : <FacilitatorConsole live={live} />;
}
