import { useEffect, useState } from 'react';
import { useMinuteClock } from '../clock';
import { OnCallNav } from '../OnCallNav';
import { useOnCall } from '../store';
import { EmptyRoster } from './EmptyRoster';
import { ImportRosterDialog } from './ImportRosterDialog';
import { TeamCard } from './TeamCard';
import { TimeControl } from './TimeControl';
import { useCanWrite } from '../../session/store';

/** `#/oncall`: per team, who is on call now (or at a picked instant), who is next, and whom to call after them. */
export function NowBoard() {
  const roster = useOnCall((state) => state.roster);
  const board = useOnCall((state) => state.board);
  const boardAt = useOnCall((state) => state.boardAt);
  const pinned = useOnCall((state) => state.pinned);
  const error = useOnCall((state) => state.error);
  const minute = useMinuteClock();
  const [importing, setImporting] = useState(false);
  const canWrite = useCanWrite();
  const at = pinned ?? new Date(minute).toISOString();

  useEffect(() => {
    void useOnCall.getState().loadRoster();
  }, []);

  useEffect(() => {
    void useOnCall.getState().loadBoard(at);
  }, [at]);

  const empty = roster !== null && roster.teams.length === 0;
  return (
    <div className="oc-screen" data-testid="now-board">
      <OnCallNav current={{ screen: 'oncall' }} />
      <header className="oc-header">
        <h1>On call</h1>
        {!empty && canWrite && (
          <button type="button" onClick={() => setImporting(true)}>
            Import roster…
          </button>
        )}
      </header>
      {error && (
        <p className="oc-error" role="alert">
          {error}{' '}
          <button type="button" onClick={() => useOnCall.getState().dismissError()}>
            Dismiss
          </button>
        </p>
      )}
      {empty ? (
        <EmptyRoster onImport={() => setImporting(true)} />
      ) : (
        <>
          <TimeControl pinned={pinned} now={minute} />
          {board && roster && boardAt && (
            <div className="oc-team-cards" aria-busy={boardAt !== at ? true : undefined}>
              {board.map((team) => (
                <TeamCard key={team.team.id} board={team} roster={roster} at={boardAt} />
              ))}
            </div>
          )}
        </>
      )}
      {importing && <ImportRosterDialog onClose={() => setImporting(false)} />}
    </div>
  );
}
