import { useId } from 'react';
import { commandToCopy } from '../../../shared/command-copy';
import type { RunbookStep } from '../../../shared/runbooks';
import { blockCommands } from '../../../shared/step-text';
import { withoutTimer } from '../../../shared/step-timer';
import { CopyButton } from '../../components/CopyButton';
import { Markdown } from '../../components/Markdown';
import { formatDuration, spokenDuration } from '../../../shared/durations';
import { TimerIcon } from '../../components/icons';

interface Group {
  section: string | null;
  sectionId: string | null;
  steps: RunbookStep[];
}

/**
 * What the incident runner will walk: the runbook's steps, numbered, under their
 * sections, each with its commands (copyable) and its timer.
 */
export function StepsOutline(props: {
  steps: RunbookStep[];
  /** Jump to a section of the document beside the outline. */
  onSection?: ((sectionId: string) => void) | undefined;
  emptyHint?: string;
}) {
  const groups = groupBySection(props.steps);
  const headingId = useId();
  return (
    <section className="steps-outline" aria-labelledby={headingId}>
      <h2 id={headingId}>
        Steps <span className="count">({props.steps.length})</span>
      </h2>
      {props.steps.length === 0 ? (
        <p className="steps-empty">
          {props.emptyHint ??
            'No steps. List items under headings such as Diagnosis, Mitigation or Steps, and task items (- [ ]), become steps.'}
        </p>
      ) : (
        groups.map((group, index) => (
          <div className="steps-group" key={`${group.sectionId ?? ''}-${index}`}>
            {group.section !== null && (
              <h3 className="steps-section">
                {group.sectionId && props.onSection ? (
                  <button type="button" className="link-button" onClick={() => props.onSection?.(group.sectionId ?? '')}>
                    {group.section}
                  </button>
                ) : (
                  group.section
                )}
              </h3>
            )}
            <ol className="steps" start={group.steps[0]?.number}>
              {group.steps.map((step) => (
                <StepItem key={step.id} step={step} />
              ))}
            </ol>
          </div>
        ))
      )}
    </section>
  );
}

function StepItem({ step }: { step: RunbookStep }) {
  return (
    <li className="step" data-step-id={step.id}>
      <span className="number-disc step-number">{step.number}</span>
      <div className="step-body">
        {(step.isTask || step.timerSeconds !== null) && (
          <div className="step-head">
            {step.isTask && <span className="task-mark">Task</span>}
            {step.timerSeconds !== null && (
              <TimerBadge seconds={step.timerSeconds} />
            )}
          </div>
        )}
        <Markdown source={withoutTimer(step.text)} variant="step" />
        <StepCommands step={step} />
      </div>
    </li>
  );
}

/** A step's code blocks, each with its copy button (also the incident runner's); inline commands are copied where they stand. */
export function StepCommands({ step }: { step: Pick<RunbookStep, 'number' | 'commands' | 'text'> }) {
  const commands = blockCommands(step);
  if (commands.length === 0) return null;
  return (
    <ul className="step-commands" aria-label={`Commands of step ${step.number}`}>
      {commands.map((command, index) => (
        <li key={index}>
          <pre className="step-command">
            <code>{command}</code>
          </pre>
          <CopyButton text={commandToCopy(command)} label="Copy" what={`command ${firstLine(command)}`} inline />
        </li>
      ))}
    </ul>
  );
}

/** A step's timer, its stopwatch drawn (the ⏱ character is missing from many fonts). */
export function TimerBadge({ seconds }: { seconds: number }) {
  return (
    <span className="timer-badge" title={`Timer: ${spokenDuration(seconds)}`}>
      <TimerIcon className="timer-icon" />
      <span className="visually-hidden">Timer </span>
      {formatDuration(seconds)}
    </span>
  );
}

function groupBySection(steps: RunbookStep[]): Group[] {
  const groups: Group[] = [];
  for (const step of steps) {
    const last = groups.at(-1);
    if (last && last.sectionId === step.sectionId && last.section === step.section) last.steps.push(step);
    else groups.push({ section: step.section, sectionId: step.sectionId, steps: [step] });
  }
  return groups;
}

const firstLine = (text: string): string => {
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
};
