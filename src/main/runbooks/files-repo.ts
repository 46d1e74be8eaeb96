import type { Store } from '../store/open';

export interface StoredAsset {
  path: string;
  mime: string;
  data: Buffer;
}

export interface StoredGroup {
  /** Folder relative to the imported root, '' for the root itself. */
  folder: string;
  title: string;
  sourceText: string;
}

/** Files that travel with runbooks: images they show, and the section pages that group folders. */
export class RunbookFilesRepo {
  private readonly statements;

  constructor(db: Store) {
    this.statements = {
      putAsset: db.prepare(`
        INSERT INTO runbook_assets (runbook_id, path, mime, data) VALUES (?, ?, ?, ?)
        ON CONFLICT(runbook_id, path) DO UPDATE SET mime = excluded.mime, data = excluded.data`),
      getAsset: db.prepare<[number, string], StoredAsset>('SELECT path, mime, data FROM runbook_assets WHERE runbook_id = ? AND path = ?'),
      assetsOf: db.prepare<[number], StoredAsset>('SELECT path, mime, data FROM runbook_assets WHERE runbook_id = ? ORDER BY path'),
      putGroup: db.prepare(`
        INSERT INTO runbook_groups (folder, title, source_text) VALUES (?, ?, ?)
        ON CONFLICT(folder) DO UPDATE SET title = excluded.title, source_text = excluded.source_text`),
      getGroup: db.prepare<[string], { source_text: string }>('SELECT source_text FROM runbook_groups WHERE folder = ?'),
      groups: db.prepare<[], { folder: string; title: string; source_text: string }>(
        'SELECT folder, title, source_text FROM runbook_groups ORDER BY folder',
      ),
    };
  }

  putAsset(runbookId: number, asset: StoredAsset): void {
    this.statements.putAsset.run(runbookId, asset.path, asset.mime, asset.data);
  }

  getAsset(runbookId: number, assetPath: string): StoredAsset | undefined {
    return this.statements.getAsset.get(runbookId, assetPath);
  }

  assetsOf(runbookId: number): StoredAsset[] {
    return this.statements.assetsOf.all(runbookId);
  }

  /** Stores a section page; returns whether it was new or different. */
  putGroup(group: StoredGroup): boolean {
    const existing = this.statements.getGroup.get(group.folder);
    if (existing?.source_text === group.sourceText) return false;
    this.statements.putGroup.run(group.folder, group.title, group.sourceText);
    return true;
  }

  groups(): StoredGroup[] {
    return this.statements.groups.all().map((row) => ({ folder: row.folder, title: row.title, sourceText: row.source_text }));
  }
}
