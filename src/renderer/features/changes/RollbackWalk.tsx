import type { OutputOf } from '../../../shared/contract';
import { routeHref } from '../../app/route';
import { noteOnChange, type Outcome } from './mutations';

type ChangeView = OutputOf<'getChange'>;

const DONE_PREFIX = 'Rollback step ';

/** After a failed gate: the rollback runbook's steps, each done logged on the change; then "Roll back" records it. */
export function RollbackWalk({ change, onDone }: { change: ChangeView; onDone: (result: Outcome<unknown>) => void }) {
  const done = new Set(change.log.filter((entry) => entry.kind === 'note' && entry.evidence.startsWith(DONE_PREFIX)).map((entry) => Number(/^Rollback step (\d+)/.exec(entry.evidence)?.[1])));
  const rollback = change.rollback;
  return (
    <section className="rollback-walk" aria-label="Rollback">
      <h3>
        Roll back with{' '}
        {rollback ? <a href={routeHref({ screen: 'runbook', id: rollback.runbookId })}>{rollback.runbook?.title ?? `runbook #${rollback.runbookId}`}</a> : 'no rollback runbook: roll back by hand and log what you did'}
      </h3>
      <ol>
        {change.rollbackSteps.map((step) => (
          <li key={step.number}>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={done.has(step.number)}
                disabled={done.has(step.number)}
                onChange={() => void noteOnChange(change.id, `${DONE_PREFIX}${step.number} done: ${step.text.split('\n')[0] ?? ''}`).then(onDone)}
              />{' '}
              {step.text.split('\n')[0]}
            </label>
          </li>
        ))}
      </ol>
    </section>
  );
}
