import { createHash } from 'node:crypto';
import GithubSlugger from 'github-slugger';
import type { Heading as MdastHeading, List, ListItem, Nodes, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { RunbookSection, RunbookStep } from '../../../shared/runbooks';
import { plainText } from './plain-text';
import { proseSteps } from './prose-steps';
import { readTimer } from '../../../shared/step-timer';
import { looksLikeCommand, READ_AND_FOLLOW, READ_AND_FOLLOW_STEP_ID, stepLine } from '../../../shared/step-text';

export { DEFAULT_PROCEDURE_HEADINGS } from './procedure-headings';

export interface RunbookStructure {
  sections: RunbookSection[];
  steps: RunbookStep[];
  /** Each section's words, for search to say where a match is. */
  sectionTexts: { sectionId: string | null; title: string | null; text: string }[];
  warnings: string[];
}

interface Heading {
  section: RunbookSection;
  /** Its lists (or, without a list, its paragraphs) are steps: it names a procedure, or is nested below one that does. */
  procedural: boolean;
  /** It names a procedure itself (`## Mitigation`), rather than being nested below one (`### Defragment`). */
  named: boolean;
  node: MdastHeading;
}

/**
 * Finds a runbook's sections and steps. Under a procedure heading (or a heading
 * nested below one), a section with a list has a step for every top-level item
 * of its lists; a section without a list is prose, and its steps come from its
 * paragraphs (see prose-steps.ts). Every task-list item (`- [ ]`) elsewhere is a
 * step too. Nested lists stay inside their step.
 */
export function extractStructure(tree: Root, body: string, procedureHeadings: readonly string[]): RunbookStructure {
  const slugger = new GithubSlugger();
  const isProcedure = procedureMatcher(procedureHeadings);
  const sections: RunbookSection[] = [];
  const found: Omit<RunbookStep, 'id' | 'number'>[] = [];
  const sectionTexts: RunbookStructure['sectionTexts'] = [{ sectionId: null, title: null, text: '' }];
  const warnings: string[] = [];
  const stack: Heading[] = [];

  const addStep = (where: Heading | undefined, text: string, nodes: Nodes[], isTask: boolean) => {
    const timer = readTimer(text);
    if (timer.warning) warnings.push(`Step “${firstLine(text)}” ${timer.warning}.`);
    found.push({
      section: where?.section.title ?? null,
      sectionId: where?.section.id ?? null,
      text,
      commands: nodes.flatMap(commandsIn),
      timerSeconds: timer.seconds,
      isTask,
    });
  };
  const addItem = (where: Heading | undefined, item: ListItem) => addStep(where, itemMarkdown(item, body), [item], typeof item.checked === 'boolean');

  const collectTasks = (where: Heading | undefined, list: List) => {
    for (const item of list.children) {
      if (typeof item.checked === 'boolean') addItem(where, item);
      else for (const child of item.children) if (child.type === 'list') collectTasks(where, child);
    }
  };

  /** The steps of one section: a heading (or the start of the body) and the blocks up to the next heading. */
  const sectionSteps = (where: Heading | undefined, blocks: RootContent[]) => {
    if (where?.procedural && !blocks.some(holdsList)) {
      for (const step of proseSteps(where.named ? null : where.node, blocks, body)) addStep(where, step.text, step.nodes, false);
      return;
    }
    for (const node of blocks) {
      if (node.type === 'list') {
        if (where?.procedural) for (const item of node.children) addItem(where, item);
        else collectTasks(where, node);
      } else if (node.type === 'blockquote') {
        for (const child of node.children) if (child.type === 'list') collectTasks(where, child);
      }
    }
  };

  let blocks: RootContent[] = [];
  for (const node of tree.children) {
    if (node.type === 'heading') {
      sectionSteps(stack.at(-1), blocks);
      blocks = [];
      const title = toString(node).trim();
      const section = { id: slugger.slug(title), title, depth: node.depth };
      while ((stack.at(-1)?.section.depth ?? 0) >= node.depth) stack.pop();
      const named = isProcedure(title);
      stack.push({ section, procedural: named || (stack.at(-1)?.procedural ?? false), named, node });
      sections.push(section);
      sectionTexts.push({ sectionId: section.id, title, text: '' });
      continue;
    }
    blocks.push(node);
    const text = plainText(node);
    const last = sectionTexts.at(-1);
    if (last && text) last.text = last.text ? `${last.text}\n${text}` : text;
  }
  sectionSteps(stack.at(-1), blocks);

  return {
    sections,
    steps: withStableIds(found),
    sectionTexts: sectionTexts.filter((section) => section.text !== '' || section.sectionId !== null),
    warnings,
  };
}

/** A list at the top of a section, or in a quote there: the section is written as a list, and its items are the steps. */
const holdsList = (node: RootContent): boolean => node.type === 'list' || (node.type === 'blockquote' && node.children.some((child) => child.type === 'list'));

/**
 * The one step an incident walks for a runbook that has none (no procedure
 * heading, no task): the runbook itself, to read and follow. Its text is the
 * body after its `# Title` heading, under a first line that says so; its
 * commands are every code block and command-like inline code in it.
 */
export function readAndFollowStep(tree: Root, body: string): RunbookStep {
  const [first] = tree.children;
  const blocks = first?.type === 'heading' && first.depth === 1 ? tree.children.slice(1) : tree.children;
  const start = blocks[0]?.position?.start.offset;
  const rest = start === undefined ? '' : body.slice(start).trim();
  return {
    id: READ_AND_FOLLOW_STEP_ID,
    number: 1,
    section: null,
    sectionId: null,
    text: rest ? `${READ_AND_FOLLOW}\n\n${rest}` : READ_AND_FOLLOW,
    commands: blocks.flatMap(commandsIn),
    timerSeconds: null,
    isTask: false,
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
