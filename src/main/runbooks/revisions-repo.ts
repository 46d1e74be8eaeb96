import type { RunbookRevision, RunbookRevisionInfo } from '../../shared/runbooks';
import type { Store } from '../store/open';

/** Every saved version of every runbook. Rows are only ever added. */
export class RevisionRepo {
  private readonly statements;

  constructor(db: Store) {
    this.statements = {
      insert: db.prepare(`
        INSERT INTO runbook_revisions (runbook_id, number, source, title, author, message, created_at)
        VALUES (@runbookId, @number, @source, @title, @author, @message, @createdAt)`),
      list: db.prepare<[number], RunbookRevisionInfo>(`
        SELECT number, author, created_at AS createdAt, message, title
        FROM runbook_revisions WHERE runbook_id = ? ORDER BY number DESC`),
      get: db.prepare<[number, number], RunbookRevision>(`
        SELECT number, author, created_at AS createdAt, message, title, source
        FROM runbook_revisions WHERE runbook_id = ? AND number = ?`),
    };
  }

  add(revision: { runbookId: number; number: number; source: string; title: string; author: string; message: string; createdAt: Date }): void {
    this.statements.insert.run({ ...revision, createdAt: revision.createdAt.toISOString() });
  }

  list(runbookId: number): RunbookRevisionInfo[] {
    return this.statements.list.all(runbookId);
  }

  get(runbookId: number, number: number): RunbookRevision | undefined {
    return this.statements.get.get(runbookId, number);
  }
}
