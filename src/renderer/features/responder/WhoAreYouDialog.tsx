import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Dialog } from '../../components/Dialog';
import { Listbox, optionId } from '../../components/Listbox';
import { chooseResponder, currentResponder } from '../../api/responder';
import { useOp } from '../../api/queries';
import { identityFor, matchingPeople, nameProblem, type RosterPerson } from './match';
import './responder.css';

const NO_PEOPLE: readonly RosterPerson[] = [];

/**
 * "Who are you?": the name this console's writes go under, asked once per
 * browser (or desktop user) and changeable later. Keyboard first: type a name
 * and press Enter, or ↓ ↑ to pick yourself from the roster (then your handle goes
 * with it). `onClose` absent: the first ask, which only a name ends.
 */
export function WhoAreYouDialog({ onClose }: { onClose?: () => void }) {
  const id = useId();
  const listId = `${id}-people`;
  const people = useOp('getRoster', {}).data?.people ?? NO_PEOPLE;
  const [typed, setTyped] = useState(() => currentResponder()?.name ?? '');
  const [cursor, setCursor] = useState(-1);
  const [problem, setProblem] = useState<string | null>(null);
  const shown = matchingPeople(people, typed);
  const active = cursor < shown.length ? cursor : -1;

  const choose = (person: RosterPerson | null) => {
    const identity = person ? { name: person.name, handle: person.handle } : identityFor(typed, people);
    const wrong = nameProblem(identity.name);
    if (wrong) return setProblem(wrong);
    chooseResponder(identity);
    onClose?.();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    choose(shown[active] ?? null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if ((event.key !== 'ArrowDown' && event.key !== 'ArrowUp') || shown.length === 0) return;
    event.preventDefault();
    // Past either end is "the name as typed" again.
    const next = event.key === 'ArrowDown' ? active + 1 : active - 1;
    setCursor(next >= shown.length ? -1 : next < -1 ? shown.length - 1 : next);
  };

  return (
    <Dialog
      title="Who are you?"
      className="who-are-you"
      onClose={() => onClose?.()}
      actions={
        <>
          {onClose && (
            <button type="button" onClick={onClose}>
              Cancel
            </button>
          )}
          <button type="submit" form={`${id}-form`} className="primary">
            Continue
          </button>
        </>
      }
    >
      <p>
        Your name goes beside every note, status change and step you log from this {window.holdfast ? 'computer' : 'browser'}, so the other responders know
        who did what. It is kept here: you are asked once.
      </p>
      <form id={`${id}-form`} onSubmit={submit} noValidate>
        <label htmlFor={`${id}-name`} className="field-label">
          Your name
        </label>
        <input
          id={`${id}-name`}
          className="text-input who-name"
          type="text"
          role="combobox"
          aria-expanded={shown.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={active >= 0 ? optionId(listId, active) : undefined}
          aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
          aria-invalid={problem ? true : undefined}
          autoComplete="name"
          spellCheck={false}
          maxLength={100}
          value={typed}
          data-autofocus
          onChange={(event) => {
            setTyped(event.target.value);
            setCursor(-1);
            setProblem(null);
          }}
          onKeyDown={onKeyDown}
        />
        <p id={`${id}-hint`} className="field-hint">
          {people.length > 0 ? 'Type any name and press Enter, or ↓ ↑ to pick yourself from the roster (your handle goes with your name).' : 'Type your name and press Enter.'}
        </p>
        {problem && (
          <p id={`${id}-problem`} className="field-error" role="alert">
            {problem}
          </p>
        )}
        {shown.length > 0 && (
          <Listbox id={listId} label="People on the roster" className="who-people" optionClassName="who-person" items={shown} itemKey={(person) => person.handle} active={active} onPick={choose}>
            {(person) => (
              <>
                <span className="who-person-name">{person.name}</span>
                <span className="who-person-handle muted">@{person.handle}</span>
              </>
            )}
          </Listbox>
        )}
      </form>
    </Dialog>
  );
}
