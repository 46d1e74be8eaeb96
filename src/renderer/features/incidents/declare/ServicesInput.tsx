import { useId, useState, type KeyboardEvent } from 'react';

/**
 * Affected services as chips: type one and press Enter (or a comma), or pick a
 * known one. Known services are those named by runbooks and roster teams.
 */
export function ServicesInput(props: {
  value: string[];
  onChange: (services: string[]) => void;
  known: string[];
  /** Text typed but not yet turned into a chip, so submitting the form can include it. */
  pending: string;
  onPendingChange: (text: string) => void;
}) {
  const id = useId();
  const [showAll, setShowAll] = useState(false);
  const add = (raw: string) => {
    const names = raw
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '' && !props.value.includes(name));
    if (names.length > 0) props.onChange([...props.value, ...new Set(names)]);
    props.onPendingChange('');
  };
  const remove = (name: string) => props.onChange(props.value.filter((service) => service !== name));
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if ((event.key === 'Enter' || event.key === ',') && props.pending.trim() !== '') {
      event.preventDefault();
      add(props.pending);
    } else if (event.key === 'Backspace' && props.pending === '' && props.value.length > 0) {
      remove(props.value[props.value.length - 1] ?? '');
    }
  };
  const suggestions = props.known.filter((name) => !props.value.includes(name));
  const shown = showAll ? suggestions : suggestions.slice(0, 12);

  return (
    <div className="field services-input">
      <label htmlFor={id} className="field-label">
        Affected services
      </label>
      <div className="chips-box">
        {props.value.length > 0 && (
          <ul className="chips" aria-label="Chosen services">
            {props.value.map((name) => (
              <li key={name} className="chip">
                {name}
                <button type="button" className="chip-remove" aria-label={`Remove ${name}`} onClick={() => remove(name)}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          id={id}
          className="chips-input"
          type="text"
          list={`${id}-known`}
          value={props.pending}
          onChange={(event) => {
            const text = event.target.value;
            // Picking from the list (no typed input, or a replacement) or typing a comma adds at once.
            const native = event.nativeEvent;
            const picked = !(native instanceof InputEvent) || native.inputType === 'insertReplacementText';
            if (text.endsWith(',') || (picked && props.known.includes(text.trim()))) add(text);
            else props.onPendingChange(text);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => props.pending.trim() !== '' && add(props.pending)}
          placeholder={props.value.length === 0 ? 'checkout, payments-api…' : ''}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${id}-hint`}
        />
        <datalist id={`${id}-known`}>
          {suggestions.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </div>
      <p id={`${id}-hint`} className="field-hint">
        Type a service and press Enter, or pick one below. The people on call for these services are suggested as responders.
      </p>
      {suggestions.length > 0 && (
        <div className="service-suggestions" role="group" aria-label="Known services">
          {shown.map((name) => (
            <button key={name} type="button" className="chip-button" onClick={() => add(name)}>
              + {name}
            </button>
          ))}
          {suggestions.length > shown.length && (
            <button type="button" className="link-button" onClick={() => setShowAll(true)}>
              {suggestions.length - shown.length} more…
            </button>
          )}
        </div>
      )}
    </div>
  );
}
