import type { ImportReport, Runbook, RunbookHit, RunbookList } from '../../shared/runbooks';
import type { Clock } from '../core/clock';
import type { ParsedInputOf } from '../../shared/contract';
import { HoldfastError } from '../errors';
import { importRunbooks } from './import';
import type { RunbookRepo } from './repo';
import { toFtsQuery } from './search-query';

/** The runbook library's operations, over its repository. */
export class RunbookLibrary {
  constructor(
    readonly repo: RunbookRepo,
    private readonly clock: Clock,
  ) {}

  list(input: ParsedInputOf<'listRunbooks'>): RunbookList {
    return { items: this.repo.list(input), ...this.repo.facets() };
  }

  search(input: ParsedInputOf<'searchRunbooks'>): RunbookHit[] {
    const query = toFtsQuery(input.query);
    if (query === null) return [];
    return this.repo.search(query, input, input.limit);
  }

  get(id: number): Runbook {
    const runbook = this.repo.get(id);
    if (!runbook) throw new HoldfastError('NOT_FOUND', `No runbook with id ${id}.`, 'id');
    return runbook;
  }

  import(paths: string[]): ImportReport {
    return importRunbooks(this.repo, paths, this.clock);
  }
}
