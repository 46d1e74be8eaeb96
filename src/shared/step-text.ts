/**
 * A runbook step's words, for the places that show one line of it (the step
 * list, timeline events, post-mortems, drill scorecards) and the places that
 * want plain text (CSV, notifications, the CLI). A step is Markdown: its summary
 * is its whole first paragraph (a link on the next line belongs to it), kept as
 * inline Markdown to render; `plainInline` is the same as text without marks.
 *
 * Which code in a step can be copied as a command is decided here too, one rule
 * for the extractor and the console (docs/runbook-format.md): every code block,
 * and inline code that reads as a command line.
 */
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { withoutTimer } from './step-timer';

const parser = unified().use(remarkParse).use(remarkGfm);
const parse = (markdown: string): Root => parser.parse(markdown);

/**
 * The step's first paragraph as one line of inline Markdown, its timer marker
 * removed: "Look into QoS or other [TCP congestion avoidance](https://…)" from
 * an item whose link sits on the next line. A step that opens with a code block
 * is summed up by the block's first line, as code.
 */
export function stepSummary(markdown: string): string {
  const text = withoutTimer(markdown);
  const first = parse(text).children[0];
  if (!first) return '';
  if (first.type === 'paragraph') {
    const start = first.position?.start.offset ?? 0;
    const end = first.position?.end.offset ?? text.length;
    return oneLine(text.slice(start, end));
  }
  if (first.type === 'code') return codeSpan(first.value.split('\n').find((line) => line.trim() !== '')?.trim() ?? '');
  return oneLine(toString(first).split('\n')[0] ?? '');
}

/** Inline Markdown as the words it shows: `` `#inc-checkout` `` → "#inc-checkout", a link → its text. */
export function plainInline(markdown: string): string {
  return oneLine(toString(parse(markdown)));
}

/** The step's summary as plain text: what a CSV cell, a notification or the CLI shows. */
export const stepLine = (markdown: string): string => plainInline(stepSummary(markdown));

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim();

/** Code as an inline code span, its backticks longer than any run inside it. */
function codeSpan(code: string): string {
  if (code === '') return '';
  let longest = 0;
  for (const run of code.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = code.startsWith('`') || code.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${code}${pad}${fence}`;
}

/**
 * Whether inline code reads as a command line someone would paste into a shell
 * or a query box: a program's name (or a path to one), optionally after a
 * `$ `/`# ` prompt, followed by arguments — `kubectl -n $NS get pod $POD`,
 * `./drain.sh node-3`, `up == 0`. A single word (`payments-api`, `#inc-checkout`,
 * `NodeFilesystemSpaceFillingUp`) or a phrase (`etcdserver: no leader`) is a
 * name, not a command, and gets no Copy button. Code blocks are always commands.
 */
export function looksLikeCommand(code: string): boolean {
  const line = code.trim().replace(/^[$#]\s+/, '');
  if (line.includes('\n')) return true;
  const [program, ...rest] = line.split(/\s+/);
  if (!program || rest.length === 0) return false;
  return /^(?:[a-z][\w.+-]*|(?:\.{1,2}|~)?\/[\w.+\-/]+)$/.test(program) && !/[:,;]$/.test(program);
}

/** The inline code of a step's Markdown, trimmed, in order. */
export function inlineCode(markdown: string): string[] {
  const found: string[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'inlineCode') found.push(node.value.trim());
    else if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(parse(markdown));
  return found;
}

/**
 * The commands a step lists apart, as blocks with their Copy buttons: its
 * commands less those written inline, which are copied where they stand, so no
 * command shows twice.
 */
export function blockCommands(step: { text: string; commands: string[] }): string[] {
  const inline = new Set(inlineCode(step.text));
  return step.commands.filter((command) => !inline.has(command));
}
