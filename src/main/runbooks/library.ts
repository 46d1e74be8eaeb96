import { createHash, randomBytes } from 'node:crypto';
import { createTwoFilesPatch } from 'diff';
import type { z } from 'zod';
import type {
  ListRunbooksInput,
  Runbook,
  RunbookAsset,
  RunbookDiff,
  RunbookHit,
  RunbookList,
  RunbookMetadata,
  RunbookOrigin,
  RunbookPreview,
  RunbookRef,
  RunbookRevision,
  RunbookRevisionInfo,
  RunbookStep,
  RunbookSuggestion,
  RunbookSummary,
  SaveRunbookInput,
  SearchRunbooksInput,
} from '../../shared/runbooks';
import type { Clock } from '../core/clock';
import { HoldfastError } from '../errors';
import type { Store } from '../store/open';
import { withBorrowedNames } from './format/borrowed-keys';
import { composeRunbookFile } from './format/front-matter';
import { parseBody, parseMarkdown, parseRunbookFile, type ParsedRunbook } from './format/markdown';
import { readAndFollowStep } from './format/structure';
import { RunbookFilesRepo, type StoredAsset, type StoredGroup } from './files-repo';
import { RunbookRepo } from './repo';
import { runbookParser } from './parser/pool';
import { RevisionRepo } from './revisions-repo';
import { RunbookSearch } from './search';
import { RunbookSearchIndex } from './search-index';
import { RunbookSuggester } from './suggest';
import type { SuggestionClues } from './suggestion-rank';
import { RunbookGroups } from './summary-rows';
import { writeTransaction } from '../store/transaction';

export interface LibraryContext {
  clock: Clock;
  /** The headings whose lists are procedures (a workspace setting). */
  procedureHeadings: () => readonly string[];
  /** Who a change is by when the caller does not say. */
  defaultAuthor: () => string;
}

/** One version of a runbook, ready to be committed. */
export interface RunbookDraft {
  uid: string;
  parsed: ParsedRunbook;
  /** The file as read from disk; app edits store the composed file. */
  sourceText?: string;
  sourcePath: string | null;
  relativePath: string | null;
  origin: RunbookOrigin;
}

export interface CommitResult {
  id: number;
  created: boolean;
  /** False when the content was identical to the stored revision: nothing was written. */
  changed: boolean;
}

export const newRunbookUid = (): string => `rb_${randomBytes(6).toString('hex')}`;

/** The runbook library: every runbook operation, over its repositories. */
export class RunbookLibrary {
  private readonly repo: RunbookRepo;
  private readonly revisions: RevisionRepo;
  private readonly files: RunbookFilesRepo;
  private readonly finder: RunbookSearch;
  private readonly suggester: RunbookSuggester;

  constructor(
    readonly db: Store,
    readonly context: LibraryContext,
  ) {
    const groups = new RunbookGroups(db);
    const index = new RunbookSearchIndex(db, groups);
    this.repo = new RunbookRepo(db, index, groups);
    this.revisions = new RevisionRepo(db);
    this.files = new RunbookFilesRepo(db);
    this.finder = new RunbookSearch(index);
    this.suggester = new RunbookSuggester(this.repo, (query, limit) => this.finder.search({ query, limit }, this.today()));
  }

  /** Today's date (UTC) for review-due checks, from the injected clock. */
  today(): string {
    return this.context.clock.now().toISOString().slice(0, 10);
  }

  list(input: z.output<typeof ListRunbooksInput>): RunbookList {
    const today = this.today();
    if (input.limit !== undefined) {
      const { items, total } = this.repo.firstPage(input, input.limit, today);
      return { items, total, tags: [], services: [], groups: [], reviewDueCount: this.repo.reviewDueCount(today) };
    }
    const items = this.repo.list(input, today);
    return { items, total: items.length, ...this.repo.facets(today) };
  }

  search(input: z.output<typeof SearchRunbooksInput>): RunbookHit[] {
    return this.finder.search(input, this.today());
  }

  /**
   * Runbooks for an incident by its title and services, best first, then the
   * matches of a search the responder typed; each says why (suggest.ts).
   */
  suggest(clues: SuggestionClues, query: string, exclude: ReadonlySet<number>): RunbookSuggestion[] {
    return this.suggester.suggest(clues, query, exclude, this.today());
  }

  /**
   * The steps an incident walks for a runbook: its own, or for a runbook with
   * none, one step to read and follow it (structure.ts), so attaching it never
   * leads to an empty checklist.
   */
  stepsToWalk(runbook: Runbook): RunbookStep[] {
    return runbook.steps.length > 0 ? runbook.steps : [readAndFollowStep(parseMarkdown(runbook.body), runbook.body)];
  }

  /** The active runbooks (or, with `archived`, the archived ones), by title. */
  summaries(archived = false): RunbookSummary[] {
    return this.repo.list({ archived }, this.today());
  }

  /** Whether any sample of the demo workspace is stored (a sample someone edited is theirs, not the demo's). */
  hasDemo(): boolean {
    return this.repo.hasDemo();
  }

  /** How many runbooks are stored (of one origin, if given). */
  count(origin?: RunbookOrigin): number {
    return this.repo.count(origin);
  }

  /** The store's number for the runbook of this stable id (`rb_…`), if there is one. */
  findByUid(uid: string): number | undefined {
    return this.repo.findByUid(uid);
  }

  /** A stored runbook's stable id (`rb_…`). */
  uidOf(id: number): string | undefined {
    return this.repo.stateOf(id)?.uid;
  }

  /** The runbooks stored from a file at this path relative to its folder, active ones first. */
  atRelativePath(relativePath: string): { id: number; sourcePath: string | null }[] {
    return this.repo.findByRelativePath(relativePath);
  }

  /** The runbooks stored from a file at this path relative to its folder, with their origin, oldest first. */
  atPath(relativePath: string): { id: number; origin: RunbookOrigin; sourcePath: string | null }[] {
    return this.repo.atPath(relativePath);
  }

  /**
   * Runbooks of `origin` that someone changed (a revision not by `author` with
   * `message`) become the user's (`app`), so removing or reloading that origin leaves them.
   */
  adoptChanged(origin: RunbookOrigin, author: string, message: string): void {
    this.repo.adoptChanged(origin, author, message);
  }

  /** Deletes every runbook of `origin`, with its search entries. */
  deleteByOrigin(origin: RunbookOrigin): void {
    this.repo.deleteByOrigin(origin);
  }

  /** A runbook's images as stored. */
  assetsOf(id: number): StoredAsset[] {
    return this.files.assetsOf(id);
  }

  putAsset(id: number, asset: StoredAsset): void {
    this.files.putAsset(id, asset);
  }

  /** The section pages (`_index.md`) of the imported folders. */
  groups(): StoredGroup[] {
    return this.files.groups();
  }

  /** Stores a folder's section page; false when it was already stored as it is. */
  putGroup(group: StoredGroup): boolean {
    return this.files.putGroup(group);
  }

  /** The store's number for a runbook named by number or by its stable id (`rb_…` in exported front matter). */
  resolve(ref: RunbookRef): number {
    const id = typeof ref === 'number' ? ref : this.repo.findByUid(ref);
    if (id === undefined) throw new HoldfastError('NOT_FOUND', `No runbook with id ${ref}.`, 'id');
    return id;
  }

  get(ref: RunbookRef): Runbook {
    const runbook = this.repo.get(this.resolve(ref), this.today());
    if (!runbook) throw new HoldfastError('NOT_FOUND', `No runbook with id ${ref}.`, 'id');
    return runbook;
  }

  related(ref: RunbookRef, limit: number): RunbookSummary[] {
    const { id } = this.get(ref);
    return this.repo.related(id, limit, this.today());
  }

  asset(ref: RunbookRef, assetPath: string): RunbookAsset {
    const id = this.resolve(ref);
    const asset = this.files.getAsset(id, assetPath);
    if (!asset) throw new HoldfastError('NOT_FOUND', `Runbook ${id} has no image ${assetPath}.`, 'path');
    return { path: asset.path, mime: asset.mime, base64: asset.data.toString('base64') };
  }

  /** Reads the body off this thread (see parser/pool.ts); what a runbook was checked against is read after it. */
  async preview(body: string): Promise<RunbookPreview> {
    const { structure } = await runbookParser().run('body', body, this.context.procedureHeadings());
    return { sections: structure.sections, steps: structure.steps, warnings: structure.warnings };
  }

  async save(input: z.output<typeof SaveRunbookInput>): Promise<Runbook> {
    const derived = await runbookParser().run('body', input.body, this.context.procedureHeadings());
    // From here on nothing waits: the checks below see the store as the commit will.
    const author = input.author ?? this.context.defaultAuthor();
    if (input.id === undefined) {
      const uid = newRunbookUid();
      const parsed: ParsedRunbook = { uid, metadata: input.metadata, extraFrontMatter: {}, ...derived };
      const { id } = this.commit(
        { uid, parsed, sourcePath: null, relativePath: null, origin: 'app' },
        { author, message: input.message ?? 'Created' },
      );
      return this.get(id);
    }
    const existing = this.get(input.id);
    if (input.baseRevision !== undefined && input.baseRevision !== existing.revision) {
      const latest = this.revisions.get(existing.id, existing.revision);
      throw new HoldfastError(
        'CONFLICT',
        `This runbook changed while you were editing it: revision ${existing.revision} was saved` +
          `${latest ? ` by ${latest.author} at ${latest.createdAt}` : ''}. Your text has not been saved; ` +
          'look at the newer revision before saving over it.',
        'baseRevision',
      );
    }
    const parsed: ParsedRunbook = {
      uid: existing.uid,
      metadata: input.metadata,
      extraFrontMatter: existing.extraFrontMatter,
      ...derived,
    };
    this.commit(
      { uid: existing.uid, parsed, sourcePath: null, relativePath: null, origin: existing.origin },
      { id: existing.id, author, message: input.message ?? 'Edited' },
    );
    return this.get(existing.id);
  }

  async duplicate(ref: RunbookRef, author = this.context.defaultAuthor()): Promise<Runbook> {
    const derived = await runbookParser().run('body', this.get(ref).body, this.context.procedureHeadings());
    const original = this.get(ref);
    const uid = newRunbookUid();
    const parsed: ParsedRunbook = {
      uid,
      metadata: { ...original.metadata, title: `${original.title} (copy)` },
      extraFrontMatter: original.extraFrontMatter,
      ...derived,
    };
    const { id: copy } = this.commit(
      { uid, parsed, sourcePath: null, relativePath: null, origin: 'app' },
      { author, message: `Duplicated from “${original.title}”` },
    );
    return this.get(copy);
  }

  setArchived(ref: RunbookRef, archived: boolean): Runbook {
    const runbook = this.get(ref);
    if (runbook.archived !== archived) {
      const now = this.context.clock.now();
      this.repo.setArchived(runbook.id, archived ? now : null, now);
    }
    return this.get(runbook.id);
  }

  listRevisions(ref: RunbookRef): RunbookRevisionInfo[] {
    const { id } = this.get(ref);
    return this.revisions.list(id);
  }

  revision(ref: RunbookRef, number: number): RunbookRevision {
    const id = this.resolve(ref);
    const revision = this.revisions.get(id, number);
    if (!revision) {
      this.get(id);
      throw new HoldfastError('NOT_FOUND', `Runbook ${ref} has no revision ${number}.`, 'number');
    }
    return revision;
  }

  diff(ref: RunbookRef, from: number, to: number): RunbookDiff {
    const id = this.resolve(ref);
    const before = this.revision(id, from);
    const after = this.revision(id, to);
    const unified = createTwoFilesPatch(`revision ${from}`, `revision ${to}`, before.source, after.source, '', '', {
      context: 3,
    });
    const all = unified.split('\n');
    const firstHunk = all.findIndex((line) => line.startsWith('@@'));
    const lines = (firstHunk < 0 ? [] : all.slice(firstHunk)) // after the ===/---/+++ header
      .filter((line, index, rest) => !(line === '' && index === rest.length - 1) && !line.startsWith('\\ No newline'))
      .map((text) => ({
        kind: text.startsWith('@@') ? ('hunk' as const) : text.startsWith('+') ? ('add' as const) : text.startsWith('-') ? ('remove' as const) : ('context' as const),
        text,
      }));
    return { from, to, unified, lines };
  }

  async restore(ref: RunbookRef, number: number, author = this.context.defaultAuthor()): Promise<Runbook> {
    const old = this.revision(ref, number);
    const parsed = await runbookParser().run('file', old.source, old.title, this.context.procedureHeadings());
    const current = this.get(ref);
    const { id } = current;
    this.commit(
      { uid: current.uid, parsed, sourcePath: null, relativePath: null, origin: current.origin },
      { id, author, message: `Restored revision ${number}` },
    );
    return this.get(id);
  }

  /**
   * Writes one version of a runbook and records it as a revision, unless it is
   * identical to what is stored. Every change to a runbook goes through here.
   */
  commit(draft: RunbookDraft, options: { id?: number | undefined; author: string; message: string }): CommitResult {
    const metadata = withSortedNames(draft.parsed.metadata);
    const { extraFrontMatter, body } = draft.parsed;
    const composed = composeRunbookFile(draft.uid, metadata, extraFrontMatter, body);
    const contentHash = createHash('sha256').update(composed).digest('hex');
    const record = {
      uid: draft.uid,
      parsed: { ...draft.parsed, metadata },
      sourceText: draft.sourceText ?? composed,
      sourcePath: draft.sourcePath,
      relativePath: draft.relativePath,
      origin: draft.origin,
      contentHash,
    };
    const now = this.context.clock.now();
    return writeTransaction(this.db, (): CommitResult => {
      const state = options.id === undefined ? undefined : this.repo.stateOf(options.id);
      if (options.id !== undefined && !state) throw new HoldfastError('NOT_FOUND', `No runbook with id ${options.id}.`, 'id');
      if (state?.contentHash === contentHash) return { id: options.id ?? 0, created: false, changed: false };
      const id = state && options.id !== undefined ? options.id : this.repo.insert(record, now);
      if (state) this.repo.update(id, record, now);
      const number = (state?.revision ?? 0) + 1;
      this.revisions.add({ runbookId: id, number, source: composed, title: metadata.title, author: options.author, message: options.message, createdAt: now });
      this.repo.setRevision(id, number);
      return { id, created: !state, changed: true };
    });
  }

  /**
   * Rebuilds what is derived from each runbook (steps, sections, search index),
   * e.g. after a migration or a change of procedure headings. Runbooks carried
   * over from before revisions existed are re-read from their stored file and
   * get their first revision. With `readBorrowedKeys` (once, after migration
   * 010), a runbook without services or tags takes them from the borrowed front
   * matter keys it kept, as a revision of its own.
   */
  reindex(options: { readBorrowedKeys?: boolean } = {}): void {
    const headings = this.context.procedureHeadings();
    writeTransaction(this.db, () => {
      for (const { id, revision } of this.repo.allIds()) {
        try {
          writeTransaction(this.db, () => this.reindexOne(id, revision, headings, options.readBorrowedKeys ?? false));
        } catch (error) {
          // One runbook Holdfast can no longer read (stored before a bound it breaks existed) keeps what was
          // derived from it before; it must not stop the app from starting.
          if (!(error instanceof HoldfastError)) throw error;
          console.error(`[holdfast] runbook ${id} keeps its earlier steps and index: ${error.message}`);
        }
      }
    });
  }

  private reindexOne(id: number, revision: number, headings: readonly string[], readBorrowedKeys: boolean): void {
    const source = this.repo.source(id);
    if (!source) return;
    if (revision === 0) {
      const parsed = parseRunbookFile(source.sourceText, source.relativePath ?? `runbook-${id}.md`, headings);
      this.commit({ ...source, parsed }, { id, author: 'holdfast', message: 'Carried over from an earlier version of Holdfast' });
      return;
    }
    const runbook = this.get(id);
    const metadata = readBorrowedKeys ? withBorrowedNames(runbook.metadata, runbook.extraFrontMatter) : runbook.metadata;
    const parsed: ParsedRunbook = {
      uid: runbook.uid,
      metadata,
      extraFrontMatter: runbook.extraFrontMatter,
      ...parseBody(runbook.body, headings),
    };
    if (metadata !== runbook.metadata) {
      this.commit({ ...source, parsed }, { id, author: 'holdfast', message: 'Services and tags read from its front matter (component, labels, categories)' });
      return;
    }
    const state = this.repo.stateOf(id);
    this.repo.update(id, { ...source, parsed, contentHash: state?.contentHash ?? '' }, this.context.clock.now());
  }
}

/**
 * Tags and services in the order the store lists them (by code point, each once),
 * so a revision, an export and the runbook read back all say the same: an export
 * imported again is unchanged, whatever order the file first listed them in.
 */
function withSortedNames(metadata: RunbookMetadata): RunbookMetadata {
  const sorted = (names: string[]) => [...new Set(names)].sort(byCodePoint);
  return { ...metadata, tags: sorted(metadata.tags), services: sorted(metadata.services) };
}

/** SQLite's BINARY collation: UTF-8 bytes, which order as code points do (UTF-16 units do not, past U+FFFF). */
const byCodePoint = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));
