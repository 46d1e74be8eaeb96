import { useId, useState } from 'react';
import type { Incident } from '../../../../shared/incidents';
import type { Person } from '../../../../shared/rosters';
import { FormDialog } from '../../../components/Dialog';
import { Field, type FieldControl } from '../../../components/Field';
import { useFormErrors } from '../../../components/form-errors';
import { logEvent } from '../mutations';
import { useRosterPeople } from '../queries';
import { roleLabel } from './roles';

/** Assign a role to anyone (from the roster or not); with no role given, a custom role is named here. */
export function AssignRoleDialog({ incident, role, onClose }: { incident: Incident; role: string | null; onClose: () => void }) {
  const current = role ? incident.roles.find((assignment) => assignment.role === role) : undefined;
  const [roleName, setRoleName] = useState(role ?? '');
  const [name, setName] = useState('');
  const people: Person[] = useRosterPeople() ?? [];
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors({ roleName, name });
  const error = Object.values(errors.fields)[0] ?? errors.form;

  const submit = async () => {
    if (busy) return;
    const chosenRole = roleName.trim().toLowerCase();
    if (!chosenRole) {
      errors.report({ fields: { roleName: 'Name the role.' } });
      return;
    }
    if (!name.trim()) {
      errors.report({ fields: { name: 'Who takes the role? Type a name.' } });
      return;
    }
    const person = people.find((candidate) => candidate.name === name.trim() || candidate.handle === name.trim());
    setBusy(true);
    errors.clear();
    const outcome = await logEvent('assignRole', { id: incident.id, role: chosenRole, person: person ? { handle: person.handle, name: person.name } : { handle: '', name: name.trim() } });
    setBusy(false);
    if (outcome.ok) onClose();
    else errors.report({ form: outcome.message });
  };

  return (
    <FormDialog
      title={role ? `Assign ${roleLabel(role).toLowerCase()}` : 'Add a role'}
      onClose={onClose}
      onSubmit={submit}
      busy={busy}
      submit={current ? 'Hand over' : 'Assign'}
      formClassName="assign-form"
    >
      {role === null && (
        <Field label="Role">
          {(control) => (
            <input {...control} className="text-input" value={roleName} onChange={(event) => setRoleName(event.target.value)} placeholder="customer liaison" maxLength={50} data-autofocus />
          )}
        </Field>
      )}
      {current && (
        <p>
          Now: <strong>{current.person.name}</strong>. Assigning someone else is logged as a handover.
        </p>
      )}
      <Field label="Person" hint="Someone from the roster, or any name.">
        {(control) => <PersonInput {...control} value={name} onChange={setName} people={people} autoFocus={role !== null} />}
      </Field>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </FormDialog>
  );
}

/** A name typed, or picked from the roster's people (suggested as it is typed). */
function PersonInput(props: FieldControl & { value: string; onChange: (value: string) => void; people: readonly Person[]; autoFocus: boolean }) {
  const { value, onChange, people, autoFocus, ...control } = props;
  const peopleId = useId();
  return (
    <>
      <input
        {...control}
        className="text-input"
        value={value}
        list={peopleId}
        onChange={(event) => onChange(event.target.value)}
        autoComplete="off"
        maxLength={200}
        data-autofocus={autoFocus ? true : undefined}
      />
      <datalist id={peopleId}>
        {people.map((person) => (
          <option key={person.handle} value={person.name} />
        ))}
      </datalist>
    </>
  );
}
