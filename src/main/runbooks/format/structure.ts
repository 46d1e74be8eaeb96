import { createHash } from 'node:crypto';
import GithubSlugger from 'github-slugger';
import type { List, ListItem, Nodes, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { RunbookSection, RunbookStep } from '../../../shared/runbooks';
import { plainText } from './markdown';
import { readTimer } from '../../../shared/step-timer';
import { looksLikeCommand, stepLine } from '../../../shared/step-text';

/** Headings whose lists are procedures: every item of their lists is a step. Configurable per workspace. */
export const DEFAULT_PROCEDURE_HEADINGS = [
  'Diagnosis',
  'Mitigation',
  'Steps',
  'Procedure',
  'Remediation',
  'Rollback',
  'Verification',
  'Resolution',
  'Recovery',
  'Triage',
];

export interface RunbookStructure {
  sections: RunbookSection[];
  steps: RunbookStep[];
  /** Each section's words, for search to say where a match is. */
  sectionTexts: { sectionId: string | null; title: string | null; text: string }[];
  warnings: string[];
}

interface Heading {
  section: RunbookSection;
  procedural: boolean;
}

/**
 * Finds a runbook's sections and steps. A step is every top-level item of a list
 * under a procedure heading (or a heading nested below one), and every task-list
 * item (`- [ ]`) anywhere else. Nested lists stay inside their step.
 */
export function extractStructure(tree: Root, body: string, procedureHeadings: readonly string[]): RunbookStructure {
  const slugger = new GithubSlugger();
  const isProcedure = procedureMatcher(procedureHeadings);
  const sections: RunbookSection[] = [];
  const found: Omit<RunbookStep, 'id' | 'number'>[] = [];
  const sectionTexts: RunbookStructure['sectionTexts'] = [{ sectionId: null, title: null, text: '' }];
  const warnings: string[] = [];
  const stack: Heading[] = [];

  const addStep = (item: ListItem) => {
    const current = stack.at(-1)?.section ?? null;
    const text = itemMarkdown(item, body);
    const timer = readTimer(text);
    if (timer.warning) warnings.push(`Step “${firstLine(text)}” ${timer.warning}.`);
    found.push({
      section: current?.title ?? null,
      sectionId: current?.id ?? null,
      text,
      commands: commandsIn(item),
      timerSeconds: timer.seconds,
      isTask: typeof item.checked === 'boolean',
    });
  };

  const collectTasks = (list: List) => {
    for (const item of list.children) {
      if (typeof item.checked === 'boolean') addStep(item);
      else for (const child of item.children) if (child.type === 'list') collectTasks(child);
    }
  };

  const visit = (node: RootContent) => {
    if (node.type === 'heading') {
      const title = toString(node).trim();
      const section = { id: slugger.slug(title), title, depth: node.depth };
      while ((stack.at(-1)?.section.depth ?? 0) >= node.depth) stack.pop();
      const procedural = isProcedure(title) || (stack.at(-1)?.procedural ?? false);
      stack.push({ section, procedural });
      sections.push(section);
      sectionTexts.push({ sectionId: section.id, title, text: '' });
      return;
    }
    const text = plainText(node);
    const last = sectionTexts.at(-1);
    if (last && text) last.text = last.text ? `${last.text}\n${text}` : text;
    if (node.type === 'list') {
      if (stack.at(-1)?.procedural) for (const item of node.children) addStep(item);
      else collectTasks(node);
    } else if (node.type === 'blockquote') {
      for (const child of node.children) if (child.type === 'list') collectTasks(child);
    }
  };
  tree.children.forEach(visit);

  return {
    sections,
    steps: withStableIds(found),
    sectionTexts: sectionTexts.filter((section) => section.text !== '' || section.sectionId !== null),
    warnings,
  };
}

function procedureMatcher(headings: readonly string[]): (title: string) => boolean {
  const words = headings.map((heading) => heading.trim().toLowerCase()).filter(Boolean);
  return (title) => {
    const lower = title.toLowerCase();
    return words.some((word) => new RegExp(`(^|\\W)${escapeRegExp(word)}(\\W|$)`, 'u').test(lower));
  };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The item's Markdown as written, without its list marker (and checkbox), dedented. */
function itemMarkdown(item: ListItem, body: string): string {
  const start = item.position?.start.offset ?? 0;
  const end = item.position?.end.offset ?? start;
  const raw = body.slice(start, end);
  const marker = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+/u.exec(raw)?.[0] ?? '';
  const indent = marker.length;
  const [first = '', ...rest] = raw.slice(marker.length).split('\n');
  const dedented = rest.map((line) => line.replace(new RegExp(`^ {0,${indent}}`, 'u'), ''));
  return [first.replace(/^\[[ xX]\][ \t]+/u, ''), ...dedented].join('\n').trimEnd();
}

/** The step's commands, in order: every code block, and inline code that reads as a command (`looksLikeCommand`), not a name. */
function commandsIn(node: Nodes): string[] {
  const commands: string[] = [];
  const walk = (current: Nodes) => {
    if (current.type === 'code' || (current.type === 'inlineCode' && looksLikeCommand(current.value))) {
      // A block keeps the indentation of its first line (a YAML fragment's structure depends on it).
      const value = current.type === 'code' ? current.value.replace(/^(?:[ \t]*\n)+/, '').trimEnd() : current.value.trim();
      if (value) commands.push(value);
    } else if ('children' in current) {
      for (const child of current.children) walk(child);
    }
  };
  walk(node);
  return commands;
}

/**
 * A step's id comes from its own words only, so editing other steps, moving it to
 * another section or reordering keeps it. Identical steps are told apart by order.
 */
function withStableIds(steps: Omit<RunbookStep, 'id' | 'number'>[]): RunbookStep[] {
  const seen = new Map<string, number>();
  return steps.map((step, index) => {
    const normalized = step.text.replace(/\s+/g, ' ').trim().toLowerCase();
    const base = `st_${createHash('sha256').update(normalized).digest('hex').slice(0, 12)}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return { ...step, id: count === 1 ? base : `${base}_${count}`, number: index + 1 };
  });
}

const firstLine = (text: string) => {
  const line = stepLine(text);
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
};
