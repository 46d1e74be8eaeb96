import fs from 'node:fs';
import path from 'node:path';
import { Weighted } from '../random';

/**
 * What the benchmark learns from a folder of real runbooks, read at run time:
 * each runbook's shape (sections, and per section its paragraphs, lists and
 * code blocks with their lengths), how folders group runbooks, how titles are
 * built, and the vocabulary as word-to-next-word counts. The generator draws
 * new runbooks from these statistics; no corpus text is stored anywhere.
 */
export interface CorpusModel {
  /** One skeleton per corpus runbook: the generator copies a skeleton's structure, never its words. */
  shapes: RunbookShape[];
  runbooksPerFolder: number;
  /** How many words an alert name (the runbook's title identifier) has. */
  titleWordCounts: Weighted<number>;
  /** The words alert names are made of, each after the one before. */
  titleWords: Markov;
  prose: Markov;
  code: Markov;
  /** Languages of fenced code blocks ('' for none), by frequency. */
  codeLanguages: Weighted<string>;
  summary: CorpusSummary;
}

export interface RunbookShape {
  hasH1: boolean;
  sections: SectionShape[];
}

export interface SectionShape {
  level: number;
  heading: string;
  blocks: BlockShape[];
}

export type BlockShape =
  | { kind: 'paragraph'; words: number[] }
  | { kind: 'list'; ordered: boolean; items: { depth: number; words: number[] }[] }
  | { kind: 'code'; tokens: number[] };

/** Figures that describe a set of runbooks; computed for the corpus and for the generated set alike. */
export interface CorpusSummary {
  runbooks: number;
  meanBytes: number;
  medianBytes: number;
  p95Bytes: number;
  meanSections: number;
  meanListItems: number;
  meanCodeBlocks: number;
  meanWords: number;
  distinctWords: number;
}

/** Next-token counts, with the sentence start as '' . */
export class Markov {
  private readonly next = new Map<string, Map<string, number>>();
  private readonly drawers = new Map<string, Weighted<string>>();
  private unigram: Weighted<string> | undefined;
  private readonly counts = new Map<string, number>();

  learn(tokens: string[]): void {
    let previous = '';
    for (const token of tokens) {
      let row = this.next.get(previous);
      if (!row) this.next.set(previous, (row = new Map<string, number>()));
      row.set(token, (row.get(token) ?? 0) + 1);
      this.counts.set(token, (this.counts.get(token) ?? 0) + 1);
      previous = token;
    }
  }

  /** The distribution of tokens after `previous` ('' = at a start). */
  after(previous: string): Weighted<string> | undefined {
    let drawer = this.drawers.get(previous);
    if (!drawer) {
      const row = this.next.get(previous);
      if (!row) return undefined;
      drawer = new Weighted(row);
      this.drawers.set(previous, drawer);
    }
    return drawer;
  }

  any(): Weighted<string> {
    this.unigram ??= new Weighted(this.counts);
    return this.unigram;
  }

  get vocabularySize(): number {
    return this.counts.size;
  }
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([\w+-]*)/;
const HEADING = /^(#{1,6})\s+(.*)$/;
const LIST_ITEM = /^(\s*)([-*+]|\d+[.)])\s+(.*)$/;

/** Tokens of prose: inline code and links stay whole, punctuation is its own token. */
export function proseTokens(line: string): string[] {
  return line.match(/`[^`]+`|\[[^\]]*\]\([^)]*\)|[\p{L}\p{N}][\p{L}\p{N}_'/.-]*[\p{L}\p{N}]|[\p{L}\p{N}]|[.,:;!?()"]/gu) ?? [];
}

/** Words as the search index counts them: runs of letters and digits. */
export function wordCount(text: string): number {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length;
}

export function codeTokens(line: string): string[] {
  return line.trim().split(/\s+/).filter(Boolean);
}

export function loadCorpusModel(folder: string): CorpusModel {
  const files = markdownFiles(folder);
  const runbooks = files.filter((file) => path.basename(file) !== '_index.md');
  if (runbooks.length === 0) throw new Error(`No runbooks (*.md) under ${folder}: the benchmark learns its data from them.`);
  const prose = new Markov();
  const code = new Markov();
  const titleWords = new Markov();
  const titleWordCounts: number[] = [];
  const codeLanguages: string[] = [];
  const shapes: RunbookShape[] = [];
  const texts: string[] = [];

  for (const file of runbooks) {
    const text = fs.readFileSync(file, 'utf8');
    texts.push(text);
    const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
    const { shape, proseLines, codeLines, languages } = readShape(body);
    shapes.push(shape);
    for (const line of proseLines) prose.learn(proseTokens(line));
    for (const line of codeLines) code.learn(codeTokens(line));
    codeLanguages.push(...languages);
    const words = splitAlertName(path.basename(file, path.extname(file)));
    titleWordCounts.push(words.length);
    titleWords.learn(words);
  }
  const folders = new Set(runbooks.map((file) => path.dirname(file)));
  return {
    shapes,
    runbooksPerFolder: runbooks.length / folders.size,
    titleWordCounts: Weighted.counting(titleWordCounts),
    titleWords,
    prose,
    code,
    codeLanguages: Weighted.counting(codeLanguages),
    summary: summarize(texts),
  };
}

/** An alert name split into its words: `KubePodCrashLooping` → Kube, Pod, Crash, Looping. */
export function splitAlertName(name: string): string[] {
  return name.match(/[A-Z]{2,}(?=[A-Z][a-z]|\d|$)|[A-Z]?[a-z]+|[A-Z]+|\d+/g) ?? [name];
}

function readShape(body: string): { shape: RunbookShape; proseLines: string[]; codeLines: string[]; languages: string[] } {
  const sections: SectionShape[] = [{ level: 0, heading: '', blocks: [] }];
  const proseLines: string[] = [];
  const codeLines: string[] = [];
  const languages: string[] = [];
  let hasH1 = false;
  let open: BlockShape | null = null;
  const lines = body.split('\n');
  const current = () => sections[sections.length - 1] as SectionShape;
  const countWords = (line: string) => wordCount(line);

  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    const fence = FENCE.exec(line);
    if (fence) {
      const tokens: number[] = [];
      const marker = fence[2] ?? '```';
      for (i += 1; i < lines.length && !(lines[i] ?? '').trim().startsWith(marker); i += 1) {
        tokens.push(codeTokens(lines[i] ?? '').length);
        codeLines.push(lines[i] ?? '');
      }
      languages.push(fence[3] ?? '');
      current().blocks.push({ kind: 'code', tokens });
      open = null;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const level = heading[1]?.length ?? 1;
      if (level === 1 && !hasH1 && sections.length === 1) {
        hasH1 = true;
        continue;
      }
      sections.push({ level, heading: heading[2] ?? '', blocks: [] });
      open = null;
      continue;
    }
    if (line.trim() === '') {
      if (open?.kind === 'paragraph') open = null;
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      const ordered = /\d/.test(item[2] ?? '');
      if (open?.kind !== 'list') {
        open = { kind: 'list', ordered, items: [] };
        current().blocks.push(open);
      }
      open.items.push({ depth: Math.min(2, Math.floor((item[1]?.length ?? 0) / 2)), words: [countWords(item[3] ?? '')] });
      proseLines.push(item[3] ?? '');
      continue;
    }
    if (open?.kind === 'list' && (/^\s/.test(line) || lines[i - 1]?.trim() !== '')) {
      open.items.at(-1)?.words.push(countWords(line));
      proseLines.push(line);
      continue;
    }
    if (open?.kind !== 'paragraph') {
      open = { kind: 'paragraph', words: [] };
      current().blocks.push(open);
    }
    open.words.push(countWords(line));
    proseLines.push(line);
  }
  if (sections[0]?.blocks.length === 0) sections.shift();
  return { shape: { hasH1, sections }, proseLines, codeLines, languages };
}

function markdownFiles(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.md')) found.push(full);
    }
  };
  walk(folder);
  return found;
}

/** Sizes and structure of a set of runbook texts, for comparing the generated set with the corpus. */
export function summarize(texts: string[]): CorpusSummary {
  const bytes = texts.map((text) => Buffer.byteLength(text)).sort((a, b) => a - b);
  let sections = 0;
  let items = 0;
  let code = 0;
  let words = 0;
  const distinct = new Set<string>();
  for (const text of texts) {
    const lines = text.split('\n');
    let inCode = false;
    for (const line of lines) {
      if (FENCE.test(line)) {
        if (!inCode) code += 1;
        inCode = !inCode;
        continue;
      }
      if (inCode) continue;
      if (/^#{2,6}\s/.test(line)) sections += 1;
      if (LIST_ITEM.test(line)) items += 1;
      for (const word of line.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
        if (!word) continue;
        words += 1;
        distinct.add(word);
      }
    }
  }
  const n = Math.max(1, texts.length);
  const at = (q: number) => bytes[Math.min(bytes.length - 1, Math.floor(q * bytes.length))] ?? 0;
  return {
    runbooks: texts.length,
    meanBytes: Math.round(bytes.reduce((a, b) => a + b, 0) / n),
    medianBytes: at(0.5),
    p95Bytes: at(0.95),
    meanSections: round(sections / n),
    meanListItems: round(items / n),
    meanCodeBlocks: round(code / n),
    meanWords: Math.round(words / n),
    distinctWords: distinct.size,
  };
}

const round = (value: number) => Math.round(value * 100) / 100;
