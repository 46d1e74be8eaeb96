import os from 'node:os';
import type { ResponderIdentity } from '../../shared/sync';
import { currentResponder } from '../core/request-context';
import { DEFAULT_PROCEDURE_HEADINGS } from '../runbooks/format/procedure-headings';
import type { Store } from '../store/open';

export const WORKSPACE_CREATED_AT = 'workspace.created_at';
const AUTHOR = 'workspace.author';
const PROCEDURE_HEADINGS = 'runbooks.procedure_headings';
const TIME_ZONE = 'workspace.time_zone';
/** Set while the roster is the demo's, so clearing the demo removes it and never a roster of the user's own. */
export const DEMO_ROSTER = 'demo.roster';
/** Set by a migration when derived runbook data must be rebuilt by the app. */
export const RUNBOOKS_REINDEX = 'runbooks.reindex';
/** Set by migration 010: stored runbooks without services or tags read them once from borrowed front matter keys. */
export const RUNBOOKS_READ_BORROWED_KEYS = 'runbooks.read_borrowed_keys';

/** Small key/value settings of the workspace, kept in the store. */
export class Settings {
  private readonly getStatement;
  private readonly setStatement;
  private readonly deleteStatement;

  constructor(db: Store) {
    this.getStatement = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
    this.setStatement = db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    );
    this.deleteStatement = db.prepare('DELETE FROM settings WHERE key = ?');
  }

  get(key: string): string | undefined {
    return this.getStatement.get(key)?.value;
  }

  set(key: string, value: string): void {
    this.setStatement.run(key, value);
  }

  delete(key: string): void {
    this.deleteStatement.run(key);
  }

  /** Who changes are by when nobody says: the workspace's author, else the OS user. */
  author(): string {
    const stored = this.get(AUTHOR);
    if (stored) return stored;
    return osUser();
  }

  /**
   * Who a write is by: the responder the running request names (a console's
   * own name, `--as`, `HOLDFAST_AS`), else the Settings name, with no handle.
   */
  actor(): ResponderIdentity {
    return currentResponder() ?? { name: this.author(), handle: null };
  }

  /** The zone times are shown in beside UTC: the workspace's, else this machine's. */
  timeZone(): string {
    return this.get(TIME_ZONE) ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  }

  setTimeZone(zone: string): void {
    this.set(TIME_ZONE, zone);
  }

  setAuthor(author: string): void {
    this.set(AUTHOR, author);
  }

  setProcedureHeadings(headings: readonly string[]): void {
    this.set(PROCEDURE_HEADINGS, JSON.stringify(headings));
  }

  procedureHeadings(): readonly string[] {
    const stored = this.get(PROCEDURE_HEADINGS);
    if (!stored) return DEFAULT_PROCEDURE_HEADINGS;
    const parsed: unknown = JSON.parse(stored);
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : DEFAULT_PROCEDURE_HEADINGS;
  }
}

let osUserName: string | undefined;

/** This machine's user name, read once: it is the default actor of every event, and it does not change while we run. */
function osUser(): string {
  if (osUserName === undefined) {
    try {
      osUserName = os.userInfo().username || 'unknown';
    } catch {
      osUserName = 'unknown';
    }
  }
  return osUserName;
}
