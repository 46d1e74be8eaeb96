import type { OnCallEntry, Roster, TeamBoard } from '../../../../shared/rosters';
import { routeHref } from '../../../app/route';
import { ContactList } from '../ContactList';
import { personColour } from '../colours';
import { formatSpan, zoneCity } from '../time';
import { ZonedTime } from '../ZonedTime';
import { EscalationChain } from './EscalationChain';
import { WarningIcon } from '../../../components/icons';

/** One team: who is on call in each of its schedules, who comes next, then the escalation chain. */
export function TeamCard({ board, roster, at }: { board: TeamBoard; roster: Roster; at: string }) {
  const headingId = `oc-team-${board.team.id}`;
  return (
    <article className="oc-team-card" aria-labelledby={headingId}>
      <header className="oc-team-card-header">
        <h2 id={headingId}>{board.team.name}</h2>
        {board.team.services.length > 0 && <span className="oc-team-services">{board.team.services.join(' · ')}</span>}
      </header>
      {board.onCall.length === 0 && <p className="muted">This team has no schedules.</p>}
      {board.onCall.map((entry) => (
        <OnCallSlot key={entry.schedule} entry={entry} roster={roster} at={at} />
      ))}
      {board.escalation ? (
        <EscalationChain escalation={board.escalation} team={board.team.name} roster={roster} />
      ) : (
        <p className="muted oc-escalation-none">No escalation policy.</p>
      )}
    </article>
  );
}

function OnCallSlot({ entry, roster, at }: { entry: OnCallEntry; roster: Roster; at: string }) {
  const schedule = roster.schedules.find((s) => s.name === entry.schedule);
  const zone = schedule?.timeZone ?? 'UTC';
  const person = entry.person ? roster.people.find((p) => p.handle === entry.person?.handle) : undefined;
  const left = entry.end === null ? 0 : Date.parse(entry.end) - Date.parse(at);
  const scheduleLink = (
    <a className="oc-slot-schedule-link" href={routeHref({ screen: 'schedule', name: entry.schedule })}>
      {entry.schedule}
    </a>
  );
  return (
    <section className={entry.person ? 'oc-slot' : 'oc-slot oc-slot-gap'} aria-label={`${entry.schedule}: on call`}>
      <p className="oc-slot-schedule">
        {scheduleLink} <span className="muted">· {zoneCity(zone)} time</span>
      </p>
      {entry.problem ? (
        <div className="oc-gap-warning" role="alert">
          <p className="oc-gap-title">
            <span aria-hidden="true">⚠ </span>Cannot say who is on call
          </p>
          <p>{entry.problem}</p>
          <p>Page the escalation chain below until the roster is fixed.</p>
        </div>
      ) : entry.person ? (
        <>
          <p className="oc-person">
            <span className={`oc-person-swatch oc-pc-${personColour(roster, entry.person.handle)}`} aria-hidden="true" />
            <span className="oc-person-name">{entry.person.name}</span> <span className="oc-person-handle">@{entry.person.handle}</span>
            {entry.source === 'override' && <span className="oc-badge oc-badge-override">override</span>}
          </p>
          <p className="oc-until">
            {entry.next && entry.end !== null ? (
              <>
                until <ZonedTime iso={entry.end} zone={zone} stacked after={<span className="muted oc-until-in"> · in {formatSpan(left)}</span>} />
              </>
            ) : (
              <>no handoff ahead: {entry.boundaries ?? 'nobody takes over in the roster.'}</>
            )}
          </p>
          {person && <ContactList contacts={person.contacts} person={person.name} />}
        </>
      ) : (
        <div className="oc-gap-warning">
          <p className="oc-gap-title">
            <WarningIcon /> GAP — nobody is on call
          </p>
          {entry.next && entry.end !== null ? (
            <p>
              until <ZonedTime iso={entry.end} zone={zone} stacked after={<span className="oc-until-in"> · in {formatSpan(left)}</span>} />
            </p>
          ) : (
            <p>and nobody is scheduled in the coming weeks.</p>
          )}
          <p>
            Page the escalation chain below, or <a href={routeHref({ screen: 'schedule', name: entry.schedule })}>cover the gap</a>.
          </p>
        </div>
      )}
      {entry.next && (
        <p className="oc-next">
          <span className="oc-next-label">Next</span>{' '}
          {entry.next.person ? (
            <strong>{entry.next.person.name}</strong>
          ) : (
            <strong className="oc-next-gap">a GAP (nobody)</strong>
          )}{' '}
          from <ZonedTime iso={entry.next.start} zone={zone} stacked />
        </p>
      )}
    </section>
  );
}
