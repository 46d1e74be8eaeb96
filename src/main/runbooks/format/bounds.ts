import { HoldfastError } from '../../errors';

/**
 * Shapes of Markdown that the parser (remark / micromark) reads in time that
 * grows much faster than the text, or that overflow its stack: block quotes or
 * lists nested hundreds deep, and long runs of emphasis or link marks. No
 * runbook needs them, and 100 KB of `>` kept one request busy for a minute.
 * `checkMarkdownBounds` refuses them up front, in one pass over the text, with
 * the line and what to change. (Anything slow that gets past it is stopped by
 * the parse deadline: see ../parser/pool.ts.)
 */
export const MARKDOWN_BOUNDS = {
  /** Block quotes inside one another. */
  quoteDepth: 16,
  /** Lists inside one another, as list markers at the start of one line (`- - - x`). */
  listDepth: 16,
  /** Indentation of a list item's marker: 64 columns is more than 16 levels of nesting. */
  listIndent: 64,
  /** The same mark (`*`, `_`, `~`, `[`, `]`, `!`, `<`) in a row. */
  markRun: 256,
  /** Emphasis and link marks (`*`, `_` not inside a word, `[`, `]`) in one paragraph. */
  marksPerParagraph: 10_000,
} as const;

const RUN_MARKS = new Set(['*', '_', '~', '[', ']', '!', '<']);

/** Throws a VALIDATION error naming the line and the limit when the text is beyond one of MARKDOWN_BOUNDS. */
export function checkMarkdownBounds(text: string): void {
  const lines = text.split('\n');
  let fence: { mark: string; length: number } | null = null;
  let paragraph = { start: 1, marks: 0 };
  lines.forEach((line, index) => {
    const number = index + 1;
    checkContainers(line, number, fence !== null);
    const fenceMark = /^[ \t]*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (fenceMark?.[0] === fence.mark && fenceMark.length >= fence.length && line.trim() === fenceMark) fence = null;
      paragraph = { start: number + 1, marks: 0 };
      return;
    }
    if (fenceMark) {
      fence = { mark: fenceMark[0] ?? '`', length: fenceMark.length };
      paragraph = { start: number + 1, marks: 0 };
      return;
    }
    if (line.trim() === '') {
      paragraph = { start: number + 1, marks: 0 };
      return;
    }
    checkRuns(line, number);
    paragraph.marks += countMarks(line);
    if (paragraph.marks > MARKDOWN_BOUNDS.marksPerParagraph) {
      const end = paragraphEnd(lines, index);
      const where = end === paragraph.start ? `line ${end} holds` : `lines ${paragraph.start}–${end} hold`;
      throw refusal(
        `${where} ${formatCount(countParagraphMarks(lines, paragraph.start - 1, end))} emphasis and link marks (* _ [ ]) in one paragraph; at most ${formatCount(MARKDOWN_BOUNDS.marksPerParagraph)} are allowed. Split the paragraph, or put the text in a code block.`,
      );
    }
  });
}

/** Block quotes and list markers at the start of a line (`> > - x`), and how far a list item is indented. */
function checkContainers(line: string, number: number, inCode: boolean): void {
  let quotes = 0;
  let lists = 0;
  let firstIndent: number | null = null;
  let i = 0;
  for (;;) {
    let width = 0;
    while (line[i] === ' ' || line[i] === '\t') {
      width = line[i] === '\t' ? width + 4 - (width % 4) : width + 1;
      i += 1;
    }
    firstIndent ??= width;
    const c = line[i];
    if (c === '>') {
      quotes += 1;
      i += 1;
      continue;
    }
    if ((c === '-' || c === '*' || c === '+') && endsMarker(line[i + 1])) {
      lists += 1;
      i += 1;
      continue;
    }
    let digits = i;
    while (digits - i < 9 && line[digits] !== undefined && line[digits]! >= '0' && line[digits]! <= '9') digits += 1;
    if (digits > i && (line[digits] === '.' || line[digits] === ')') && endsMarker(line[digits + 1])) {
      lists += 1;
      i = digits + 1;
      continue;
    }
    break;
  }
  if (quotes > MARKDOWN_BOUNDS.quoteDepth) {
    throw refusal(`line ${number} nests block quotes ${formatCount(quotes)} deep; at most ${MARKDOWN_BOUNDS.quoteDepth} are allowed.`);
  }
  if (lists === 0 || isHorizontalRule(line)) return; // `* * *` and `- - -` are a rule, not lists
  if (lists > MARKDOWN_BOUNDS.listDepth) {
    throw refusal(`line ${number} nests lists ${formatCount(lists)} deep; at most ${MARKDOWN_BOUNDS.listDepth} are allowed.`);
  }
  if (!inCode && quotes === 0 && (firstIndent ?? 0) >= MARKDOWN_BOUNDS.listIndent) {
    throw refusal(
      `line ${number} indents a list item ${formatCount(firstIndent ?? 0)} columns, which nests lists deeper than the ${MARKDOWN_BOUNDS.listDepth} levels allowed.`,
    );
  }
}

const endsMarker = (c: string | undefined): boolean => c === undefined || c === ' ' || c === '\t';

const isHorizontalRule = (line: string): boolean => /^[ \t]*([-*_])(?:[ \t]*\1)+[ \t]*$/.test(line);

function checkRuns(line: string, number: number): void {
  let run = 0;
  for (let i = 0; i < line.length; i += 1) {
    const mark = line[i] ?? '';
    run = line[i - 1] === mark ? run + 1 : 1;
    if (run > MARKDOWN_BOUNDS.markRun && RUN_MARKS.has(mark)) {
      let end = i;
      while (line[end + 1] === mark) end += 1;
      throw refusal(`line ${number} has ${formatCount(end - i + run)} “${mark}” in a row; at most ${MARKDOWN_BOUNDS.markRun} are allowed.`);
    }
  }
}

/** `*`, `[`, `]`, and `_` unless it sits inside a word (snake_case names are not emphasis). */
function countMarks(line: string): number {
  let marks = 0;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (c === '*' || c === '[' || c === ']') marks += 1;
    else if (c === '_' && !(isWordCharacter(line[i - 1]) && isWordCharacter(line[i + 1]))) marks += 1;
  }
  return marks;
}

const isWordCharacter = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

function paragraphEnd(lines: string[], from: number): number {
  let end = from;
  while (end + 1 < lines.length && (lines[end + 1] ?? '').trim() !== '') end += 1;
  return end + 1;
}

function countParagraphMarks(lines: string[], from: number, to: number): number {
  return lines.slice(from, to).reduce((total, line) => total + countMarks(line), 0);
}

const formatCount = (n: number): string => n.toLocaleString('en-US');

const refusal = (message: string): HoldfastError =>
  new HoldfastError('VALIDATION', `${message[0]?.toUpperCase() ?? ''}${message.slice(1)} Holdfast refuses such Markdown because reading it would take minutes.`);
