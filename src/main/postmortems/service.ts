import type { WhatChangedItem } from '../../shared/changes';
import fs from 'node:fs';
import type { z } from 'zod';
import type { ActionItem, ListActionItemsInput, Postmortem, SaveActionItemInput, SavePostmortemInput } from '../../shared/postmortems';
import type { Clock } from '../core/clock';
import type { Store } from '../store/open';
import { HoldfastError } from '../errors';
import type { IncidentService } from '../incidents/service';
import { fillTemplate } from '../incidents/templates';
import { postmortemHtml } from './html';
import { recordValues } from './record';
import { PostmortemRepo, type StoredPostmortem, type StoredSection } from './repo';
import { parseTemplate, templateFile } from './template';

export interface PostmortemContext {
  clock: Clock;
  incidents: IncidentService;
  dataDir: string;
  assetsDir: string;
  /** "Error budget consumed" of the incident's services' SLOs, as Markdown (the SLO domain's). */
  errorBudget?: (incidentId: number) => string;
  /** The changes and change events before the incident ("what changed?"), for its section. */
  changesBefore?: (incidentId: number) => readonly WhatChangedItem[];
}

/**
 * Post-mortem drafts written from the incident's own record. Sections drawn
 * from the record are refreshed on regeneration only while nobody has edited
 * them; a person's words are never overwritten.
 */
export class PostmortemService {
  private readonly repo: PostmortemRepo;

  constructor(
    db: Store,
    private readonly context: PostmortemContext,
  ) {
    this.repo = new PostmortemRepo(db);
  }

  /** How many action items are still open, over every incident. */
  openActionItems(): number {
    return this.repo.openActionItems();
  }

  private today(): string {
    return this.context.clock.now().toISOString().slice(0, 10);
  }

  /** The post-mortem as it is stored; NOT_FOUND until its first draft is written (`draft`). */
  get(incidentId: number): Postmortem {
    this.context.incidents.get(incidentId);
    const stored = this.repo.get(incidentId);
    if (!stored) {
      throw new HoldfastError(
        'NOT_FOUND',
        `Incident #${incidentId} has no post-mortem yet: its first draft is written from the incident’s record when a responder opens it.`,
        'incidentId',
      );
    }
    return toPostmortem(stored);
  }

  /** The stored post-mortem, its first draft written from the record if there is none yet (`drafted`). */
  draft(incidentId: number): { postmortem: Postmortem; drafted: boolean } {
    const stored = this.repo.get(incidentId);
    return stored ? { postmortem: toPostmortem(stored), drafted: false } : { postmortem: toPostmortem(this.generate(incidentId)), drafted: true };
  }

  regenerate(incidentId: number): Postmortem {
    return toPostmortem(this.generate(incidentId));
  }

  save(input: z.output<typeof SavePostmortemInput>): Postmortem {
    const stored = this.repo.get(input.incidentId) ?? this.generate(input.incidentId);
    for (const id of Object.keys(input.sections)) {
      if (!stored.sections.some((section) => section.id === id)) {
        throw new HoldfastError('VALIDATION', `The post-mortem has no section "${id}".`, `sections.${id}`);
      }
    }
    const next: StoredPostmortem = {
      ...stored,
      reviewStatus: input.reviewStatus ?? stored.reviewStatus,
      authors: input.authors ?? stored.authors,
      sections: stored.sections.map((section) => ({ ...section, content: input.sections[section.id] ?? section.content })),
      updatedAt: this.context.clock.now().toISOString(),
    };
    this.store(next);
    // Refresh the header (review status, authors) and untouched record sections; edited sections stay as saved.
    return toPostmortem(this.generate(input.incidentId));
  }

  markdown(incidentId: number): string {
    const postmortem = this.current(incidentId);
    return `${[postmortem.heading, ...postmortem.sections.map((section) => `## ${section.title}\n\n${section.content.trim()}`)].join('\n\n')}\n`;
  }

  html(incidentId: number): string {
    const incident = this.context.incidents.get(incidentId);
    const postmortem = this.current(incidentId);
    const sections = postmortem.sections.map((section) => ({ title: section.title, content: section.content.trim() }));
    return postmortemHtml(`Post-mortem: ${incident.title}`, postmortem.heading, sections);
  }

  actionItems(filter: z.output<typeof ListActionItemsInput>): ActionItem[] {
    return this.repo.actionItems(filter, this.today());
  }

  saveActionItem(input: z.output<typeof SaveActionItemInput>): ActionItem {
    this.context.incidents.get(input.incidentId);
    const id = this.repo.saveActionItem(input, this.context.clock.now());
    if (id === null) throw new HoldfastError('NOT_FOUND', `Incident ${input.incidentId} has no action item ${input.id ?? ''}.`, 'id');
    const saved = this.repo.actionItems({ incidentId: input.incidentId, open: false }, this.today()).find((item) => item.id === id);
    if (!saved) throw new HoldfastError('INTERNAL', `Action item ${id} was not stored.`);
    return saved;
  }

  /** Stores a draft and keeps the incident search index in step with its words. */
  private store(postmortem: StoredPostmortem): void {
    this.repo.put(postmortem);
    this.context.incidents.index.replace(postmortem.incidentId, 'postmortem', postmortem.sections.filter((s) => !s.fromRecord || s.content !== s.generated).map((s) => s.content));
  }

  /** What exports show: the stored post-mortem, or the first draft the record gives now (not stored). */
  private current(incidentId: number): Postmortem {
    return toPostmortem(this.repo.get(incidentId) ?? this.compose(incidentId));
  }

  /** Writes (or rewrites) the draft from the template and the record, keeping every edited section. */
  private generate(incidentId: number): StoredPostmortem {
    const postmortem = this.compose(incidentId);
    this.store(postmortem);
    return postmortem;
  }

  /** The draft the template and the record give now, keeping every edited section of the stored one. */
  private compose(incidentId: number): StoredPostmortem {
    const incident = this.context.incidents.get(incidentId);
    const timeline = this.context.incidents.timeline(incidentId, 'all');
    const existing = this.repo.get(incidentId);
    const now = this.context.clock.now().toISOString();
    const template = parseTemplate(fs.readFileSync(templateFile(this.context.dataDir, this.context.assetsDir), 'utf8'));
    const reviewStatus = existing?.reviewStatus ?? 'draft';
    const authors = existing?.authors ?? (incident.commander ? [incident.commander.name] : []);
    const values = recordValues(incident, timeline, this.repo.actionItems({ incidentId, open: false }, this.today()), {
      status: reviewStatus,
      authors,
      date: (existing?.createdAt ?? now).slice(0, 10),
    }, this.context.changesBefore?.(incidentId));
    values.error_budget = this.context.errorBudget?.(incidentId) ?? '_No SLO covers the affected services._';
    const previous = new Map(existing?.sections.map((section) => [section.id, section]));
    const sections: StoredSection[] = template.sections.map((section) => {
      const generated = fillTemplate(section.body, values);
      const before = previous.get(section.id);
      previous.delete(section.id);
      const edited = before !== undefined && before.content !== before.generated;
      return { id: section.id, title: section.title, fromRecord: section.fromRecord, generated, content: edited ? before.content : generated };
    });
    // A section someone wrote in that the template no longer has is kept, never dropped.
    for (const leftover of previous.values()) if (leftover.content !== leftover.generated) sections.push(leftover);
    return {
      incidentId,
      reviewStatus,
      authors,
      heading: fillTemplate(template.heading, values),
      sections,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
  }
}

function toPostmortem(stored: StoredPostmortem): Postmortem {
  return {
    incidentId: stored.incidentId,
    reviewStatus: stored.reviewStatus,
    authors: stored.authors,
    heading: stored.heading,
    sections: stored.sections.map(({ generated, ...section }) => ({ ...section, edited: section.content !== generated })),
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
  };
}
