import { useState } from 'react';
import { useMinuteClock } from '../clock';
import { OnCallNav } from '../OnCallNav';
import { useNowBoard, useRoster } from '../queries';
import { usePinned } from '../store';
import { EmptyRoster } from './EmptyRoster';
import { ImportRosterDialog } from './ImportRosterDialog';
import { TeamCard } from './TeamCard';
import { TimeControl } from './TimeControl';
import { useCanWrite } from '../../session/queries';

/** `#/oncall`: per team, who is on call now (or at a picked instant), who is next, and whom to call after them. */
export function NowBoard() {
  const rosterQuery = useRoster();
  const roster = rosterQuery.data ?? null;
  const pinned = usePinned((state) => state.pinned);
  const minute = useMinuteClock();
  const [importing, setImporting] = useState(false);
  const canWrite = useCanWrite();
  const at = pinned ?? new Date(minute).toISOString();
  const boardQuery = useNowBoard(at);
  const board = boardQuery.data ?? null;
  // The instant the board on screen was computed for: the one asked for, or the last one while its answer comes.
  const [boardAt, setBoardAt] = useState<string | null>(null);
  if (board && !boardQuery.isPlaceholderData && boardAt !== at) setBoardAt(at);
  const error = boardQuery.error?.message ?? rosterQuery.error?.message ?? null;

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
          {error}
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
