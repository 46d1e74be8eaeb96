import type { ActionItem } from '../../shared/postmortems';
import type { Store } from '../store/open';

export interface StoredSection {
  id: string;
  title: string;
  fromRecord: boolean;
  content: string;
  /** What the record produced last time; content that differs from it was edited by a person. */
  generated: string;
}

export interface StoredPostmortem {
  incidentId: number;
  reviewStatus: 'draft' | 'in review' | 'final';
  authors: string[];
  heading: string;
  sections: StoredSection[];
  createdAt: string;
  updatedAt: string;
}

interface ActionRow {
  id: number;
  incident_id: number;
  incident_title: string;
  description: string;
  type: ActionItem['type'];
  owner: string;
  due_date: string | null;
  status: ActionItem['status'];
  link: string;
}

/** All SQL for post-mortems and action items. */
export class PostmortemRepo {
  private readonly statements;

  constructor(db: Store) {
    this.statements = {
      get: db.prepare<[number], { incident_id: number; review_status: StoredPostmortem['reviewStatus']; authors: string; heading: string; sections: string; created_at: string; updated_at: string }>(
        'SELECT * FROM postmortems WHERE incident_id = ?',
      ),
      put: db.prepare(`
        INSERT INTO postmortems (incident_id, review_status, authors, heading, sections, created_at, updated_at)
        VALUES (@incidentId, @reviewStatus, @authors, @heading, @sections, @createdAt, @updatedAt)
        ON CONFLICT(incident_id) DO UPDATE SET review_status = excluded.review_status, authors = excluded.authors,
          heading = excluded.heading, sections = excluded.sections, updated_at = excluded.updated_at`),
      actionItems: db.prepare<{ incidentId: number | null; open: 0 | 1; owner: string | null }, ActionRow>(`
        SELECT a.*, i.title AS incident_title FROM action_items a JOIN incidents i ON i.id = a.incident_id
        WHERE (@incidentId IS NULL OR a.incident_id = @incidentId) AND (@open = 0 OR a.status = 'open')
          AND (@owner IS NULL OR a.owner = @owner)
        ORDER BY a.status != 'open', a.due_date IS NULL, a.due_date, a.id`),
      insertAction: db.prepare(`
        INSERT INTO action_items (incident_id, description, type, owner, due_date, status, link, created_at, updated_at)
        VALUES (@incidentId, @description, @type, @owner, @dueDate, @status, @link, @now, @now)`),
      updateAction: db.prepare(`
        UPDATE action_items SET description = @description, type = @type, owner = @owner, due_date = @dueDate,
          status = @status, link = @link, updated_at = @now
        WHERE id = @id AND incident_id = @incidentId`),
      openCount: db.prepare<[], { n: number }>("SELECT count(*) AS n FROM action_items a JOIN incidents i ON i.id = a.incident_id WHERE a.status = 'open' AND i.drill = 0"),
    };
  }

  get(incidentId: number): StoredPostmortem | undefined {
    const row = this.statements.get.get(incidentId);
    return (
      row && {
        incidentId: row.incident_id,
        reviewStatus: row.review_status,
        authors: JSON.parse(row.authors) as string[],
        heading: row.heading,
        sections: JSON.parse(row.sections) as StoredSection[],
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      }
    );
  }

  put(postmortem: StoredPostmortem): void {
    this.statements.put.run({ ...postmortem, authors: JSON.stringify(postmortem.authors), sections: JSON.stringify(postmortem.sections) });
  }

  actionItems(filter: { incidentId?: number | undefined; open: boolean; owner?: string | undefined }, today: string): ActionItem[] {
    return this.statements.actionItems
      .all({ incidentId: filter.incidentId ?? null, open: filter.open ? 1 : 0, owner: filter.owner ?? null })
      .map((row) => ({
        id: row.id,
        incidentId: row.incident_id,
        incidentTitle: row.incident_title,
        description: row.description,
        type: row.type,
        owner: row.owner,
        dueDate: row.due_date,
        status: row.status,
        link: row.link,
        overdue: row.status === 'open' && row.due_date !== null && row.due_date < today,
      }));
  }

  saveActionItem(item: { id?: number | undefined; incidentId: number; description: string; type: string; owner: string; dueDate: string | null; status: string; link: string }, now: Date): number | null {
    const params = { ...item, now: now.toISOString() };
    if (item.id === undefined) return Number(this.statements.insertAction.run(params).lastInsertRowid);
    return this.statements.updateAction.run(params).changes > 0 ? item.id : null;
  }

  openActionItems(): number {
    return this.statements.openCount.get()?.n ?? 0;
  }
}
