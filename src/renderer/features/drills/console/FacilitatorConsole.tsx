import { useRef, useState } from 'react';
import type { InjectStatus } from '../../../../shared/drills';
import { KEYS, shortcutLabel } from '../../../app/keymap';
import { routeHref } from '../../../app/route';
import { useKeyShortcut } from '../../../app/shortcuts';
import { ask } from '../../../components/confirm';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { drillSecondsShown, useDrillSeconds } from '../clock';
import { DrillTag } from '../DrillTag';
import { clockText } from '../format';
import { drillAction } from '../mutations';
import { liveRun, useDrillRun, type LiveRun } from '../queries';
import { InjectQueue } from './InjectQueue';
import { MasterClock } from './MasterClock';
import { ObservationLog } from './ObservationLog';
import { ProgressPanel } from './ProgressPanel';
import { useSpaceBar } from './useSpaceBar';
import { useCanWrite } from '../../session/queries';

/** The next inject to fire: the earliest timed one still waiting, else the first manual one. */
export function nextInject(injects: InjectStatus[]): InjectStatus | undefined {
  const pending = injects.filter((inject) => inject.status === 'pending');
  const timed = pending.filter((inject) => inject.offsetSeconds !== null).sort((a, b) => (a.offsetSeconds ?? 0) - (b.offsetSeconds ?? 0));
  return timed[0] ?? pending[0];
}

/**
 * Where the facilitator runs a drill: the master clock, the inject queue with
 * countdowns, the team's progress against the targets and the observation log.
 * Space pauses and resumes, f fires the next inject, h holds it, n writes an observation.
 */
export function FacilitatorConsole({ live }: { live: LiveRun }) {
  const { run } = live;
  const seconds = useDrillSeconds(live);
  const canWrite = useCanWrite();
  const [error, setError] = useState<string | null>(null);
  const observationRef = useRef<HTMLTextAreaElement>(null);
  const report = (outcome: Promise<string | null>) => void outcome.then((message) => setError(message));
  const running = run.state === 'running';
  const next = nextInject(run.injects);

  const togglePause = () => report(drillAction(running ? 'pauseDrill' : 'resumeDrill', { id: run.id }));
  const inject = (injectId: string, action: 'fire' | 'hold' | 'release') => report(drillAction('drillInject', { id: run.id, injectId, action }));
  const stop = async () => {
    const yes = await ask({
      title: 'Stop the drill?',
      body: <StopQuestion runId={run.id} />,
      confirmLabel: 'Stop drill',
      danger: true,
    });
    // The stop is recorded at the reading the dialog showed when Stop was pressed, so the scorecard says the same.
    if (yes) report(drillAction('stopDrill', { id: run.id, atSeconds: drillSecondsShown(liveRun(run.id)) }));
  };

  useSpaceBar(togglePause);
  useKeyShortcut(KEYS.fireInject, () => next && inject(next.injectId, 'fire'), next !== undefined);
  useKeyShortcut(KEYS.holdInject, () => next && next.offsetSeconds !== null && inject(next.injectId, 'hold'), next !== undefined);
  useKeyShortcut(KEYS.observe, () => observationRef.current?.focus());

  return (
    <div className="drills-screen facilitator-console" data-state={run.state}>
      <header className="drills-header console-header">
        <DrillTag />
        <div>
          <p className="console-kicker">{canWrite ? 'Facilitator console' : 'Drill (read-only)'}</p>
          <h1>{run.scenarioTitle}</h1>
        </div>
        <span className="spacer" />
        <a className="button" href={routeHref({ screen: 'incident', id: run.incidentId })}>
          Responders’ incident screen →
        </a>
      </header>
      <ErrorBanner message={error} onDismiss={() => setError(null)} />
      <div className="console-grid">
        <div className="console-side">
          <MasterClock run={run} seconds={seconds} onToggle={togglePause} onStop={() => void stop()} />
          <ProgressPanel runId={run.id} seconds={seconds} />
          {canWrite && <KeyLegend />}
        </div>
        <div className="console-main">
          <InjectQueue run={run} seconds={seconds} liveFrom={run.elapsedSeconds} next={next?.injectId} onAction={inject} />
          <ObservationLog run={run} inputRef={observationRef} onError={setError} />
        </div>
      </div>
    </div>
  );
}

/** The Stop dialog's words, with the drill clock still ticking in them: what it shows when Stop is pressed is what is recorded. */
function StopQuestion({ runId }: { runId: number }) {
  const seconds = useDrillSeconds(useDrillRun(runId).live);
  return (
    <p>
      The drill clock stops at the moment you press Stop drill: now{' '}
      <strong className="stop-reading" role="timer" data-testid="stop-reading">
        {clockText(seconds)}
      </strong>
      . Injects still waiting never fire, and the DRILL incident is closed. The scorecard shows what the team reached by then.
    </p>
  );
}

const CONSOLE_KEYS = [KEYS.pauseDrill, KEYS.fireInject, KEYS.holdInject, KEYS.observe];

/** The console's keys, from the same table as the keyboard help (`?`). */
function KeyLegend() {
  return (
    <section className="drill-panel key-legend" aria-label="Keyboard shortcuts">
      <h2>Keys</h2>
      <dl>
        {CONSOLE_KEYS.map((shortcut) => (
          <div key={shortcut.does} className="key-row">
            <dt>
              <kbd>{shortcutLabel(shortcut)}</kbd>
            </dt>
            <dd>{shortcut.does.replace(/ \(facilitator console\)$/, '')}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
