import { useState } from 'react';
import { KEYS } from '../../../app/keymap';
import { navigate, routeHref } from '../../../app/route';
import { useKeyShortcut } from '../../../app/shortcuts';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { ShortcutLink } from '../../../components/ShortcutLink';
import { useActiveDrills, useScenarios } from '../queries';
import { ImportScenarioDialog } from './ImportScenarioDialog';
import { RunningDrills } from './RunningDrills';
import { ScenarioTable } from './ScenarioTable';
import { WheelOfMisfortune } from './WheelOfMisfortune';
import { useCanWrite } from '../../session/queries';
import { DialogButton } from '../../../components/DialogButton';

/** `#/drills`: the scenario library, the drills running now and the wheel of misfortune. */
export function DrillLibraryScreen() {
  const scenariosQuery = useScenarios();
  const scenarios = scenariosQuery.data ?? null;
  const problem = scenariosQuery.error?.message;
  const [error, setError] = useState<string | null>(null);
  const canWrite = useCanWrite();
  useKeyShortcut(KEYS.newScenario, () => navigate({ screen: 'new-drill-scenario' }));

  if (!canWrite) return <ViewerDrills />;

  return (
    <div className="drills-screen">
      <header className="drills-header">
        <h1>Drills</h1>
        <span className="spacer" />
        <ShortcutLink href={routeHref({ screen: 'new-drill-scenario' })} shortcut={KEYS.newScenario}>
          New scenario
        </ShortcutLink>
        <DialogButton dialog={(close) => <ImportScenarioDialog onClose={close} />}>
          Import Markdown…
        </DialogButton>
      </header>
      <p className="drills-intro">
        A drill runs a scenario on the real incident screen: responders work a <strong>DRILL</strong> incident while you, the facilitator, run the
        clock and fire the injects. Drills never count in the metrics.
      </p>
      <ErrorBanner message={error ?? problem} onDismiss={error ? () => setError(null) : undefined} />
      <RunningDrills />
      <WheelOfMisfortune disabled={!scenarios || scenarios.length === 0} onError={setError} />
      <section aria-labelledby="drill-scenarios-heading">
        <h2 id="drill-scenarios-heading">
          Scenarios {scenarios && <span className="count">({scenarios.length})</span>}
        </h2>
        {scenarios === null ? (
          <p className="muted">Loading scenarios…</p>
        ) : scenarios.length === 0 ? (
          <p className="drills-empty">
            No scenarios yet. Write one with <strong>New scenario</strong>, or import a Markdown file (the format is in docs/drill-format.md).
          </p>
        ) : (
          <ScenarioTable scenarios={scenarios} onError={setError} />
        )}
      </section>
    </div>
  );
}

/**
 * A viewer's console (the read-only link, a wall display in the drill room): the
 * drills running now, as responders see them. The scenarios are the facilitator's
 * script, so they are not listed.
 */
function ViewerDrills() {
  const active = useActiveDrills().data ?? null;
  return (
    <div className="drills-screen">
      <header className="drills-header">
        <h1>Drills</h1>
      </header>
      <p className="drills-intro">
        A drill runs a scenario on the real incident screen: responders work a <strong>DRILL</strong> incident while the facilitator runs the
        clock and fires the injects. Drills never count in the metrics.
      </p>
      <RunningDrills />
      {active !== null && active.length === 0 && <p className="drills-empty">No drill is running now.</p>}
      <p className="muted">
        The scenarios are the facilitator’s script, so this read-only console (viewer link) does not list them. It shows each drill as
        responders see it.
      </p>
    </div>
  );
}
