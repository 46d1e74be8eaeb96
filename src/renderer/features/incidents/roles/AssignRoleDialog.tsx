import { useId, useState, type FormEvent } from 'react';
import type { Incident } from '../../../../shared/incidents';
import type { Person } from '../../../../shared/rosters';
import { Dialog } from '../../../components/Dialog';
import { useFormErrors } from '../../../components/form-errors';
import { logEvent } from '../mutations';
import { useRosterPeople } from '../queries';
import { roleLabel } from './roles';

/** Assign a role to anyone (from the roster or not); with no role given, a custom role is named here. */
export function AssignRoleDialog({ incident, role, onClose }: { incident: Incident; role: string | null; onClose: () => void }) {
  const id = useId();
  const current = role ? incident.roles.find((assignment) => assignment.role === role) : undefined;
  const [roleName, setRoleName] = useState(role ?? '');
  const [name, setName] = useState('');
  const people: Person[] = useRosterPeople() ?? [];
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors({ roleName, name });
  const error = Object.values(errors.fields)[0] ?? errors.form;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
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
    <Dialog
      title={role ? `Assign ${roleLabel(role).toLowerCase()}` : 'Add a role'}
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={`${id}-form`} className="primary" disabled={busy}>
            {current ? 'Hand over' : 'Assign'}
          </button>
        </>
      }
    >
      <form id={`${id}-form`} className="assign-form" onSubmit={(event) => void submit(event)} noValidate>
        {role === null && (
          <div className="field">
            <label htmlFor={`${id}-role`} className="field-label">
              Role
            </label>
            <input
              id={`${id}-role`}
              className="text-input"
              value={roleName}
              onChange={(event) => setRoleName(event.target.value)}
              placeholder="customer liaison"
              maxLength={50}
              data-autofocus
            />
          </div>
        )}
        {current && (
          <p>
            Now: <strong>{current.person.name}</strong>. Assigning someone else is logged as a handover.
          </p>
        )}
        <div className="field">
          <label htmlFor={`${id}-person`} className="field-label">
            Person
          </label>
          <input
            id={`${id}-person`}
            className="text-input"
            value={name}
            list={`${id}-people`}
            onChange={(event) => setName(event.target.value)}
            autoComplete="off"
            maxLength={200}
            aria-describedby={`${id}-hint`}
            data-autofocus={role !== null ? true : undefined}
          />
          <datalist id={`${id}-people`}>
            {people.map((person) => (
              <option key={person.handle} value={person.name} />
            ))}
          </datalist>
          <p id={`${id}-hint`} className="field-hint">
            Someone from the roster, or any name.
          </p>
        </div>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
