import { fieldText } from './form-text';
import { useState, type FormEvent } from 'react';
import type { OutputOf } from '../../../shared/contract';
import type { RuleName } from '../../../shared/changes';
import { RULE_LABELS } from './format';
import { overrideChange, type Outcome } from './mutations';

type ChangeView = OutputOf<'getChange'>;

/** Turns a rule's block into a pass: a reason and a second person, both logged. Offered while a rule blocks. */
export function OverrideForm({ change, onDone }: { change: ChangeView; onDone: (result: Outcome<unknown>) => void }) {
  const blocking = change.check.rules.filter((rule) => rule.verdict === 'block');
  const [open, setOpen] = useState(false);
  if (blocking.length === 0) return null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => fieldText(form, name);
    const result = await overrideChange({ id: change.id, rule: text('rule') as RuleName, reason: text('reason'), approver: text('approver'), actor: text('by') || undefined });
    if (result.ok) setOpen(false);
    onDone(result);
  }

  return (
    <details className="override" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Override a block…</summary>
      <form onSubmit={(event) => void submit(event)} aria-label="Override a block">
        <label>
          Rule
          <select name="rule" defaultValue={blocking[0]?.rule}>
            {blocking.map((rule) => (
              <option key={rule.rule} value={rule.rule}>
                {RULE_LABELS[rule.rule]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Reason
          <textarea name="reason" required minLength={10} rows={2} />
        </label>
        <div className="form-row">
          <label>
            Asked by <span className="muted">(your roster handle)</span>
            <input name="by" />
          </label>
          <label>
            Approver <span className="muted">(a second person’s roster handle)</span>
            <input name="approver" required />
          </label>
        </div>
        <button type="submit" className="danger">
          Override
        </button>
      </form>
    </details>
  );
}
