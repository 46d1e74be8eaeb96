import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { StepState } from '../../../../shared/incidents';
import { stepSummary } from '../../../../shared/step-text';
import { Markdown } from '../../../components/Markdown';
import { type TimerStops } from '../step-timers';
import { StepCountdown } from './StepCountdown';
import { progress, type WalkStep } from './steps';
import { CheckIcon, CircleIcon, CrossIcon, PlayIcon, SkipIcon } from '../../../components/icons';

const STATE_MARKS: Record<StepState, { icon: ReactNode; label: string }> = {
  pending: { icon: <CircleIcon />, label: 'Not started' },
  started: { icon: <PlayIcon />, label: 'In progress' },
  done: { icon: <CheckIcon />, label: 'Done' },
  skipped: { icon: <SkipIcon />, label: 'Skipped' },
  failed: { icon: <CrossIcon />, label: 'Failed' },
};

/** Every step of every attached runbook; pick any one to walk it out of order. */
export function StepList(props: { steps: WalkStep[]; selected: string | undefined; stops: TimerStops; onSelect: (key: string) => void }) {
  const listRef = useRef<HTMLDivElement>(null);
  const groups = groupByRunbook(props.steps);

  // Keep the selected step in view as the keyboard moves through a long list, scrolling the list alone
  // (scrollIntoView would also scroll the column and push the current step out of sight).
  useEffect(() => {
    const list = listRef.current;
    if (!props.selected || !list) return;
    const item = list.querySelector<HTMLElement>(`[data-step-key="${CSS.escape(props.selected)}"]`);
    if (!item) return;
    const top = item.getBoundingClientRect().top - list.getBoundingClientRect().top + list.scrollTop;
    const bottom = top + item.offsetHeight;
    if (top < list.scrollTop) list.scrollTop = top - 4;
    else if (bottom > list.scrollTop + list.clientHeight) list.scrollTop = bottom - list.clientHeight + 4;
  }, [props.selected]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const index = props.steps.findIndex((item) => item.key === props.selected);
    const next = props.steps[Math.min(props.steps.length - 1, Math.max(0, index + (event.key === 'ArrowDown' ? 1 : -1)))];
    if (!next) return;
    event.preventDefault();
    props.onSelect(next.key);
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>(`[data-step-key="${CSS.escape(next.key)}"]`)?.focus());
  };

  return (
    <div className="step-list" ref={listRef} onKeyDown={onKeyDown}>
      {groups.map(({ runbook, steps }) => {
        const counts = progress(steps);
        return (
          <section key={runbook.runbookId} className="step-list-runbook" aria-label={`Steps of ${runbook.title}`}>
            <h3 className="step-list-title">
              <a href={`#/runbooks/${runbook.runbookId}`} title="Open the runbook in the library">
                {runbook.title}
              </a>{' '}
              <span className="count">
                {counts.finished} of {counts.total}
              </span>
            </h3>
            <ol className="step-picks">
              {steps.map((item) => {
                const mark = STATE_MARKS[item.step.state];
                const selected = item.key === props.selected;
                return (
                  <li key={item.key}>
                    <button
                      type="button"
                      className="step-pick"
                      data-state={item.step.state}
                      data-step-key={item.key}
                      aria-current={selected ? 'step' : undefined}
                      onClick={() => props.onSelect(item.key)}
                    >
                      <span className="step-pick-icon" aria-hidden="true">
                        {mark.icon}
                      </span>
                      <span className="visually-hidden">{mark.label}: </span>
                      <span className="step-pick-number">{item.step.number}</span>
                      <span className="step-pick-text">
                        <Markdown source={stepSummary(item.step.text)} variant="inline" plainLinks />
                      </span>
                      <StepCountdown step={item.step} stops={props.stops} />
                    </button>
                  </li>
                );
              })}
            </ol>
          </section>
        );
      })}
    </div>
  );
}

function groupByRunbook(steps: WalkStep[]) {
  const groups: { runbook: WalkStep['runbook']; steps: WalkStep[] }[] = [];
  for (const item of steps) {
    const last = groups.at(-1);
    if (last && last.runbook.runbookId === item.runbook.runbookId) last.steps.push(item);
    else groups.push({ runbook: item.runbook, steps: [item] });
  }
  return groups;
}
