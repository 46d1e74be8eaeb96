import { useId, useState } from 'react';
import type { RunbookSummary } from '../../../../shared/runbooks';

/** The runbooks attached to the DRILL incident when it starts, by title: chosen from the library, removable as chips. */
export function RunbookPicker(props: { value: string[]; onChange: (titles: string[]) => void; runbooks: RunbookSummary[] }) {
  const id = useId();
  const [choice, setChoice] = useState('');
  const available = props.runbooks.filter((runbook) => !props.value.includes(runbook.title));
  const add = () => {
    if (choice === '') return;
    props.onChange([...props.value, choice]);
    setChoice('');
  };
  return (
    <div className="field runbook-picker">
      <label htmlFor={id} className="field-label">
        Runbooks attached when the drill starts
      </label>
      {props.value.length > 0 && (
        <ul className="chips" aria-label="Chosen runbooks">
          {props.value.map((title) => (
            <li key={title} className="chip">
              {title}
              <button type="button" className="chip-remove" onClick={() => props.onChange(props.value.filter((t) => t !== title))} aria-label={`Remove ${title}`}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="runbook-picker-row">
        <select id={id} value={choice} onChange={(event) => setChoice(event.target.value)}>
          <option value="">Choose a runbook…</option>
          {available.map((runbook) => (
            <option key={runbook.id} value={runbook.title}>
              {runbook.title}
            </option>
          ))}
        </select>
        <button type="button" onClick={add} disabled={choice === ''}>
          Add runbook
        </button>
      </div>
    </div>
  );
}
