import { useId, useState } from 'react';
import type { Incident, ResponderSuggestion } from '../../../../shared/incidents';
import type { ContactMethod, Person } from '../../../../shared/rosters';
import { LocalTime } from '../../runbooks/LocalTime';
import { ForResponders } from '../../session/ForResponders';
import { useCanWrite } from '../../session/queries';
import { logEvent } from '../mutations';
import { useSuggestedResponders } from '../queries';
import { AssignRoleDialog } from './AssignRoleDialog';
import { incidentRoles, roleLabel } from './roles';

/** Incident command: who holds each role, and who is on call for the affected services. */
export function RolesPanel({ incident, onError }: { incident: Incident; onError: (message: string) => void }) {
  const headingId = useId();
  const [assigning, setAssigning] = useState<{ role: string | null } | null>(null);
  const roles = incidentRoles(incident);

  return (
    <section className="panel roles-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel-title">
        Roles
      </h2>
      <ul className="role-list">
        {roles.map((role) => {
          const assignment = incident.roles.find((candidate) => candidate.role === role);
          return (
            <li key={role} className="role-row" data-role={role}>
              <span className="role-name">{roleLabel(role)}</span>
              <span className="role-holder">
                {assignment ? (
                  <>
                    <strong>{assignment.person.name}</strong>
                    <span className="role-since">
                      since <LocalTime iso={assignment.assignedAt} />
                    </span>
                  </>
                ) : (
                  <span className="muted">unassigned</span>
                )}
              </span>
              <ForResponders>
                <button
                  type="button"
                  className="small-button"
                  onClick={() => setAssigning({ role })}
                  aria-label={`${assignment ? 'Hand over' : 'Assign'} ${roleLabel(role).toLowerCase()}`}
                >
                  {assignment ? 'Hand over…' : 'Assign…'}
                </button>
              </ForResponders>
            </li>
          );
        })}
      </ul>
      <ForResponders>
        <button type="button" className="small-button" onClick={() => setAssigning({ role: null })}>
          Add a role…
        </button>
      </ForResponders>
      <Responders incident={incident} onError={onError} />
      {assigning && <AssignRoleDialog incident={incident} role={assigning.role} onClose={() => setAssigning(null)} />}
    </section>
  );
}

interface Rota {
  team: string;
  schedule: string;
  services: string[];
  onCall: Person | null;
  problem: string | undefined;
  escalation: ResponderSuggestion['escalation'];
}

/** One entry per schedule, however many of the incident's services it covers. */
function byRota(suggestions: ResponderSuggestion[]): Rota[] {
  const rotas = new Map<string, Rota>();
  for (const suggestion of suggestions) {
    const key = `${suggestion.team}\n${suggestion.schedule}`;
    const rota = rotas.get(key);
    if (rota) {
      if (!rota.services.includes(suggestion.service)) rota.services.push(suggestion.service);
    } else {
      rotas.set(key, { team: suggestion.team, schedule: suggestion.schedule, services: [suggestion.service], onCall: suggestion.onCall, problem: suggestion.problem, escalation: suggestion.escalation });
    }
  }
  return [...rotas.values()];
}

function Responders({ incident, onError }: { incident: Incident; onError: (message: string) => void }) {
  const headingId = useId();
  // Asked again whenever the roster changes (the data layer's rosters.changed).
  const suggestions = useSuggestedResponders(incident.id, incident.services.length > 0);

  const assign = async (role: string, person: Person) => {
    const outcome = await logEvent('assignRole', { id: incident.id, role, person: { handle: person.handle, name: person.name } });
    if (!outcome.ok) onError(outcome.message);
  };

  if (incident.services.length === 0) {
    return <p className="panel-hint">Name the affected services to see who is on call for them.</p>;
  }
  const loaded = suggestions.error ? suggestions.error.message : (suggestions.data ?? null);
  return (
    <section className="responders" aria-labelledby={headingId}>
      <h3 id={headingId}>On call for {incident.services.join(', ')}</h3>
      {loaded === null ? (
        <p className="muted">Asking the roster…</p>
      ) : typeof loaded === 'string' ? (
        <p className="field-error">{loaded}</p>
      ) : loaded.length === 0 ? (
        <p className="panel-hint">No roster team covers these services. Assign roles by name above.</p>
      ) : (
        <ul className="rota-list">
          {byRota(loaded).map((rota) => (
            <li key={`${rota.team}-${rota.schedule}`} className="rota">
              <p className="rota-head">
                {rota.team} · {rota.schedule} <span className="muted">({rota.services.join(', ')})</span>
              </p>
              {rota.onCall ? (
                <PersonCard person={rota.onCall} incident={incident} onAssign={assign} primary />
              ) : rota.problem ? (
                <p className="field-error">{rota.problem}</p>
              ) : (
                <p className="muted">Nobody is on call on this schedule right now.</p>
              )}
              {rota.escalation.length > 0 && (
                <details className="escalation">
                  <summary>Escalation chain ({rota.escalation.length})</summary>
                  <ol>
                    {rota.escalation.map((person, index) => (
                      <li key={`${person.level}-${person.handle}-${index}`}>
                        <span className="escalation-level">Level {person.level}</span>
                        <PersonCard person={person} via={person.via} incident={incident} onAssign={assign} />
                      </li>
                    ))}
                  </ol>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PersonCard(props: {
  person: Person;
  via?: string;
  incident: Incident;
  onAssign: (role: string, person: Person) => Promise<void>;
  primary?: boolean;
}) {
  const { person, incident } = props;
  const selectId = useId();
  const [role, setRole] = useState('operations');
  const [busy, setBusy] = useState(false);
  const holds = incident.roles.filter((assignment) => assignment.person.name === person.name).map((assignment) => assignment.role);
  const isCommander = holds.includes('commander');
  const canWrite = useCanWrite();
  const run = async (chosen: string) => {
    setBusy(true);
    await props.onAssign(chosen, person);
    setBusy(false);
  };
  return (
    <div className="person-card" data-person={person.handle}>
      <p className="person-name">
        <strong>{person.name}</strong>
        {props.primary && <span className="on-call-mark">on call now</span>}
        {props.via && <span className="muted"> via {props.via}</span>}
        {holds.length > 0 && <span className="muted"> — {holds.map(roleLabel).join(', ')}</span>}
      </p>
      <Contacts contacts={person.contacts} timeZone={person.timeZone} />
      {incident.status !== 'resolved' && canWrite && (
        <div className="person-actions">
          {!isCommander && (
            <button
              type="button"
              className={props.primary ? 'primary small-button' : 'small-button'}
              disabled={busy}
              onClick={() => void run('commander')}
              aria-label={`Make commander: ${person.name}`}
            >
              Make commander
            </button>
          )}
          <label htmlFor={selectId} className="visually-hidden">
            Role for {person.name}
          </label>
          <select id={selectId} value={role} onChange={(event) => setRole(event.target.value)} className="role-select">
            {['operations', 'communications', 'scribe', 'commander'].map((option) => (
              <option key={option} value={option}>
                {roleLabel(option)}
              </option>
            ))}
          </select>
          <button type="button" className="small-button" disabled={busy} onClick={() => void run(role)} aria-label={`Assign ${person.name} as ${roleLabel(role).toLowerCase()}`}>
            Assign
          </button>
        </div>
      )}
    </div>
  );
}

const CONTACT_LABELS: Record<ContactMethod['kind'], string> = { phone: 'Phone', sms: 'SMS', email: 'Email', chat: 'Chat' };

function Contacts({ contacts, timeZone }: { contacts: ContactMethod[]; timeZone: string }) {
  if (contacts.length === 0) return <p className="muted person-contacts">No contact methods in the roster.</p>;
  return (
    <ul className="person-contacts" aria-label="Contacts">
      {contacts.map((contact) => (
        <li key={`${contact.kind}-${contact.value}`}>
          <span className="contact-kind">{CONTACT_LABELS[contact.kind]}</span> <span className="contact-value">{contact.value}</span>
        </li>
      ))}
      <li className="muted">{timeZone}</li>
    </ul>
  );
}
