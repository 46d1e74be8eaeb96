import type { InjectDraft } from './draft';
import { Field } from '../../../components/Field';
import { MinutesInput } from './MinutesInput';

/** One inject of the script: its title, when it fires, what responders see and what only the facilitator sees. */
export function InjectFields(props: {
  inject: InjectDraft;
  index: number;
  count: number;
  errorFor: (field: string) => string | undefined;
  onChange: (patch: Partial<InjectDraft>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { inject, index } = props;
  const number = index + 1;
  const name = (field: string) => `injects.${index}.${field}`;
  return (
    <fieldset className="inject-editor" aria-label={`Inject ${number}`}>
      <div className="inject-editor-head">
        <span className="inject-number">Inject {number}</span>
        <span className="spacer" />
        <button type="button" className="small-button" onClick={() => props.onMove(-1)} disabled={index === 0} aria-label={`Move inject ${number} up`}>
          ↑
        </button>
        <button type="button" className="small-button" onClick={() => props.onMove(1)} disabled={index === props.count - 1} aria-label={`Move inject ${number} down`}>
          ↓
        </button>
        <button type="button" className="small-button" onClick={props.onRemove} aria-label={`Remove inject ${number}`}>
          Remove
        </button>
      </div>
      <Field label="Title" error={props.errorFor(name('title'))}>
        {(fieldProps) => <input {...fieldProps} name={name('title')} className="text-input" value={inject.title} onChange={(event) => props.onChange({ title: event.target.value })} />}
      </Field>
      <div className="inject-timing" role="radiogroup" aria-label={`When inject ${number} fires`}>
        <label>
          <input type="radio" name={`timing-${inject.key}`} checked={inject.timing === 'timed'} onChange={() => props.onChange({ timing: 'timed' })} /> At a time
        </label>
        <label>
          <input type="radio" name={`timing-${inject.key}`} checked={inject.timing === 'manual'} onChange={() => props.onChange({ timing: 'manual' })} /> Manual (you fire it)
        </label>
      </div>
      {inject.timing === 'timed' && (
        <Field label="Minutes after the start" error={props.errorFor(name('atMinutes'))}>
          {(fieldProps) => <MinutesInput {...fieldProps} name={name('atMinutes')} value={inject.atMinutes} onChange={(atMinutes) => props.onChange({ atMinutes })} />}
        </Field>
      )}
      <Field label="Shown to responders">
        {(fieldProps) => <textarea {...fieldProps} name={name('text')} className="text-input" rows={2} value={inject.text} onChange={(event) => props.onChange({ text: event.target.value })} />}
      </Field>
      <Field label="Facilitator notes (only you see these)">
        {(fieldProps) => (
          <textarea {...fieldProps} name={name('facilitatorNotes')} className="text-input facilitator-notes-input" rows={2} value={inject.facilitatorNotes} onChange={(event) => props.onChange({ facilitatorNotes: event.target.value })} />
        )}
      </Field>
    </fieldset>
  );
}
