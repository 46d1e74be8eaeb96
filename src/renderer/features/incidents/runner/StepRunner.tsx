import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Incident } from '../../../../shared/incidents';
import { LIMITS } from '../../../../shared/limits';
import { KEYS } from '../../../app/keymap';
import { useKeyShortcut } from '../../../app/shortcuts';
import { Markdown } from '../../../components/Markdown';
import { LengthHint, textLength } from '../../../components/TextLength';
import { LocalTime } from '../../runbooks/LocalTime';
import { useCanWrite } from '../../session/queries';
import { withoutTimer } from '../../../../shared/step-timer';
import { StepCommands } from '../../runbooks/StepsOutline';
import { useDraft } from '../drafts';
import { logEvent } from '../mutations';
import type { TimerStops } from '../step-timers';
import { askToNotify } from '../timers';
import { selectStep, useRunnerSelection } from './selection';
import { StepCountdown, useTimerStops } from './StepCountdown';
import { StepList } from './StepList';
import { defaultStep, nextToWalk, progress, walk, type WalkStep } from './steps';

type Action = 'started' | 'done' | 'skipped' | 'failed';

const ACTIONS: { state: Action; label: string; key: string }[] = [
  { state: 'started', label: 'Start', key: KEYS.startStep.key },
  { state: 'done', label: 'Done', key: KEYS.doneStep.key },
  { state: 'skipped', label: 'Skip', key: KEYS.skipStep.key },
  { state: 'failed', label: 'Failed', key: KEYS.failStep.key },
];

/**
 * The runbook runner: the current step large (its text, its commands to copy,
 * its timer), Start / Done / Skip / Failed with an optional note, all from the
 * keyboard; every step of every attached runbook listed beside it, in any order.
 */
export function StepRunner({ incident, onError }: { incident: Incident; onError: (message: string) => void }) {
  const headingId = useId();
  const steps = useMemo(() => walk(incident), [incident]);
  const chosen = useRunnerSelection((state) => state.selected[incident.id]);
  const current = steps.find((item) => item.key === chosen) ?? defaultStep(steps);
  const counts = progress(steps);
  const empty = incident.runbooks.filter((runbook) => runbook.steps.length === 0);
  const resolved = incident.status === 'resolved';
  const stops = useTimerStops(incident);
  const canWrite = useCanWrite();

  const move = (delta: number) => {
    if (!current) return;
    const next = steps[Math.min(steps.length - 1, Math.max(0, current.index + delta))];
    if (next) selectStep(incident.id, next.key);
  };
  useKeyShortcut(KEYS.nextStep, () => move(1), steps.length > 0);
  useKeyShortcut(KEYS.previousStep, () => move(-1), steps.length > 0);
  usePageKeys(move, steps.length > 0);

  return (
    <section className="panel runner" aria-labelledby={headingId}>
      <header className="runner-head">
        <h2 id={headingId} className="panel-title">
          Runbook steps
        </h2>
        {steps.length > 0 && (
          <div className="runner-progress">
            <span className="runner-progress-text">
              <strong>
                {counts.finished} of {counts.total} steps
              </strong>{' '}
              <span className="muted">
                ({counts.done} done{counts.skipped > 0 ? `, ${counts.skipped} skipped` : ''}
                {counts.failed > 0 ? `, ${counts.failed} failed` : ''}
                {counts.started > 0 ? `, ${counts.started} in progress` : ''})
              </span>
            </span>
            <progress max={counts.total} value={counts.finished} aria-label="Steps walked" />
          </div>
        )}
      </header>
      {steps.length === 0 ? (
        <p className="panel-hint">
          {incident.runbooks.length > 0
            ? 'The attached runbooks have no steps.'
            : canWrite
              ? 'No runbook attached yet. Attach one below: its steps become this incident’s checklist.'
              : 'No runbook attached yet.'}
        </p>
      ) : (
        current && (
          <div className="runner-body">
            <CurrentStep
              key={current.key}
              incident={incident}
              item={current}
              steps={steps}
              stops={stops}
              canWrite={canWrite}
              disabled={resolved || !canWrite}
              onError={onError}
            />
            <StepList steps={steps} selected={current.key} stops={stops} onSelect={(key) => selectStep(incident.id, key)} />
          </div>
        )
      )}
      {empty.length > 0 && steps.length > 0 && <p className="panel-hint">No steps in: {empty.map((runbook) => runbook.title).join(', ')}.</p>}
    </section>
  );
}

function CurrentStep(props: {
  incident: Incident;
  item: WalkStep;
  steps: WalkStep[];
  stops: TimerStops;
  /** False on a viewer's console: the step is shown, not worked. */
  canWrite: boolean;
  disabled: boolean;
  onError: (message: string) => void;
}) {
  const { incident, item } = props;
  const { step, runbook } = item;
  const noteId = useId();
  const [note, setNote] = useDraft(`step.${incident.id}.${item.key}`);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  // Moving on to a step brings its card fully into view (a note field lower down may have scrolled the column).
  const articleRef = useRef<HTMLElement>(null);
  useEffect(() => {
    articleRef.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  // A key pressed while the previous mark is still being saved (s then d in quick succession)
  // runs once that save has landed and the step has re-rendered, instead of being lost.
  const queuedRef = useRef<Action | null>(null);

  const act = async (state: Action) => {
    if (props.disabled) return;
    if (busyRef.current) {
      queuedRef.current = state;
      return;
    }
    if (state === 'started' && step.state === 'started') return;
    const length = textLength(note.trim(), LIMITS.stepNoteChars, 'a step’s note');
    if (length.over) {
      props.onError(length.message ?? '');
      return;
    }
    if (state === 'started' && step.timerSeconds !== null) askToNotify();
    busyRef.current = true;
    setBusy(true);
    const selectedBefore = useRunnerSelection.getState().selected[incident.id];
    const outcome = await logEvent('setStepState', { id: incident.id, runbookId: runbook.runbookId, stepId: step.id, state, note: note.trim() });
    busyRef.current = false;
    setBusy(false);
    if (!outcome.ok) {
      queuedRef.current = null;
      props.onError(outcome.message);
      return;
    }
    setNote('');
    // Move on, unless the responder already moved elsewhere (j, k, a click) while the mark was saving.
    const movedMeanwhile = useRunnerSelection.getState().selected[incident.id] !== selectedBefore;
    if (state !== 'started' && !movedMeanwhile) selectStep(incident.id, nextToWalk(props.steps, item).key);
  };

  useEffect(() => {
    const queued = queuedRef.current;
    if (busy || queued === null) return;
    queuedRef.current = null;
    void act(queued);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs the queued mark once the previous one has landed
  }, [busy]);

  useKeyShortcut(KEYS.startStep, () => void act('started'));
  useKeyShortcut(KEYS.doneStep, () => void act('done'));
  useKeyShortcut(KEYS.skipStep, () => void act('skipped'));
  useKeyShortcut(KEYS.failStep, () => void act('failed'));
  useStartOnEnter(() => void act('started'));

  return (
    <article ref={articleRef} className="current-step" data-state={step.state} aria-labelledby={`${noteId}-title`}>
      <p className="current-where" id={`${noteId}-title`}>
        <span className="current-number">Step {step.number}</span>
        <span className="muted">
          {' '}
          of {runbook.steps.length} · {runbook.title}
          {step.section ? ` · ${step.section}` : ''}
        </span>
      </p>
      <div className="current-state">
        <StepStateLine item={item} />
        <StepCountdown step={step} stops={props.stops} large />
      </div>
      <div className="current-text">
        <Markdown source={withoutTimer(step.text)} variant="step" />
      </div>
      <StepCommands step={step} />
      {props.canWrite ? (
        <>
          <div className="current-controls">
            <div className="field step-note">
              <label htmlFor={noteId} className="field-label">
                Note <span className="muted">(optional, logged with the step)</span>
              </label>
              <input
                id={noteId}
                className="text-input"
                value={note}
                aria-describedby={`${noteId}-length`}
                onChange={(event) => setNote(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Escape') event.currentTarget.blur();
                }}
                disabled={props.disabled}
              />
              <LengthHint id={`${noteId}-length`} text={note.trim()} max={LIMITS.stepNoteChars} what="a step’s note" />
            </div>
            <div className="step-actions" role="group" aria-label="Mark this step">
              {ACTIONS.map((action) => (
                <button
                  key={action.state}
                  type="button"
                  className={`step-action step-action-${action.state}`}
                  disabled={busy || props.disabled || (action.state === 'started' && step.state === 'started')}
                  aria-pressed={step.state === action.state}
                  aria-keyshortcuts={action.key}
                  onClick={() => void act(action.state)}
                >
                  {action.label} <kbd aria-hidden="true">{action.key}</kbd>
                </button>
              ))}
            </div>
          </div>
          <p className="keys-hint">
            <kbd>j</kbd>/<kbd>↓</kbd> next step · <kbd>k</kbd>/<kbd>↑</kbd> previous · <kbd>Enter</kbd>/<kbd>s</kbd> start · <kbd>d</kbd> done ·{' '}
            <kbd>x</kbd> skip · <kbd>f</kbd> failed · <kbd>Esc</kbd> leaves the note field · click any step to walk it out of order
          </p>
        </>
      ) : (
        <p className="keys-hint">
          <kbd>j</kbd>/<kbd>↓</kbd> next step · <kbd>k</kbd>/<kbd>↑</kbd> previous · click any step to read it
        </p>
      )}
    </article>
  );
}

function StepStateLine({ item }: { item: WalkStep }) {
  const { step } = item;
  if (step.state === 'pending') return <span className="step-state">Not started</span>;
  const verb = { started: 'Started', done: 'Done', skipped: 'Skipped', failed: 'Failed' }[step.state];
  const at = step.state === 'started' ? step.startedAt : step.finishedAt;
  return (
    <span className={`step-state step-state-${step.state}`}>
      {verb}
      {at && (
        <>
          {' '}
          <LocalTime iso={at} />
        </>
      )}
      {step.actor && ` by ${step.actor}`}
      {step.note && <span className="step-state-note"> — {step.note}</span>}
    </span>
  );
}

/** Whether a key press belongs to the page rather than to a control the user is on. */
function onPage(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return true;
  if (target === document.body) return true;
  if (target.closest('button, a, input, textarea, select, summary, [contenteditable="true"], [role="listbox"], [tabindex]')) return false;
  return target.closest('.runner') !== null;
}

const dialogOpen = () => document.querySelector('dialog[open]') !== null;

/** ↓ / ↑ move between steps when no control has the keyboard. */
function usePageKeys(move: (delta: number) => void, enabled: boolean): void {
  const latest = useRef(move);
  useEffect(() => {
    latest.current = move;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || dialogOpen() || !onPage(event.target)) return;
      event.preventDefault();
      latest.current(event.key === 'ArrowDown' ? 1 : -1);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}

/** Enter starts the current step when no control has the keyboard (Enter on a button still presses it). */
function useStartOnEnter(start: () => void): void {
  const latest = useRef(start);
  useEffect(() => {
    latest.current = start;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey || event.repeat) return;
      if (event.defaultPrevented || dialogOpen() || !onPage(event.target)) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
