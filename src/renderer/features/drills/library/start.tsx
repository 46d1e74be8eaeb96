import type { DrillScenario } from '../../../../shared/drills';
import { navigate } from '../../../app/route';
import { ask } from '../../../components/confirm';
import { startDrillRun } from '../mutations';

/** Starts a drill after saying what it does, then opens its facilitator console. Returns an error message, if any. */
export async function startDrill(scenario: Pick<DrillScenario, 'id' | 'title'>): Promise<string | null> {
  const yes = await ask({
    title: `Start the drill “${scenario.title}”?`,
    body: (
      <p>
        The drill clock starts now and a <strong>DRILL</strong> incident opens for the responders, marked as a drill on every screen and
        kept out of the metrics. You run it from the facilitator console.
      </p>
    ),
    confirmLabel: 'Start drill',
    focus: 'confirm',
  });
  if (!yes) return null;
  const result = await startDrillRun(scenario.id);
  if (!result.ok) return result.error.message;
  navigate({ screen: 'drill-run', id: result.value.id });
  return null;
}
