import fs from 'node:fs';
import path from 'node:path';
import type { Random } from '../random';
import { splitAlertName, summarize, wordCount, type BlockShape, type CorpusModel, type CorpusSummary, type Markov } from './corpus-model';

export interface GeneratedRunbooks {
  dir: string;
  count: number;
  folders: number;
  services: string[];
  /** Document frequency of each word as the search index splits words (lower case, letters and digits). */
  documentFrequency: Map<string, number>;
  /** Two adjacent prose words from each runbook, for phrase queries. */
  phrases: [string, string][];
  /** The distinct words of sampled runbooks, for two-word queries that match something. */
  sampledWords: string[][];
  summary: CorpusSummary;
}

const BACKOFF = 0.15;
const SAMPLE_EVERY = 25;

/**
 * Writes `count` runbooks as Markdown files in folders (each with its `_index.md`
 * section page), drawn from the corpus model: every runbook takes the structure
 * of a random corpus runbook (its sections, paragraph lengths, lists and code
 * blocks) and fills it with new text from the corpus vocabulary.
 */
export function generateRunbooks(model: CorpusModel, count: number, dir: string, random: Random): GeneratedRunbooks {
  fs.rmSync(dir, { recursive: true, force: true });
  const folderCount = Math.max(1, Math.round(count / model.runbooksPerFolder));
  const folders = uniqueNames(folderCount, () => `${lowerWord(model, random)}-${lowerWord(model, random)}`);
  const services = uniqueNames(Math.max(10, Math.round(count / 5)), () => `${lowerWord(model, random)}-${lowerWord(model, random)}`);
  const documentFrequency = new Map<string, number>();
  const phrases: [string, string][] = [];
  const sampledWords: string[][] = [];
  const summaryTexts: string[] = [];
  const usedPaths = new Set<string>();

  for (const folder of folders) {
    fs.mkdirSync(path.join(dir, folder), { recursive: true });
    fs.writeFileSync(path.join(dir, folder, '_index.md'), `---\ntitle: ${folder}\nbookCollapseSection: true\n---\n`);
  }
  for (let i = 0; i < count; i += 1) {
    const folder = random.pick(folders);
    const own = random.chance(0.3) ? [random.pick(services), random.pick(services)] : [random.pick(services)];
    const ownServices = [...new Set(own)];
    let alertName = alertWords(model, random).join('');
    let file = path.join(folder, `${alertName}.md`);
    for (let n = 2; usedPaths.has(file); n += 1) file = path.join(folder, `${alertName}${n}.md`);
    usedPaths.add(file);
    alertName = path.basename(file, '.md');
    const text = runbookText(model, random, { title: splitAlertName(alertName).join(' '), alertName, services: ownServices, weight: random.int(1, 50) });
    fs.writeFileSync(path.join(dir, file), text);

    const distinct = new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean));
    for (const word of distinct) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
    const phrase = adjacentWords(text, random);
    if (phrase) phrases.push(phrase);
    if (i % SAMPLE_EVERY === 0) {
      sampledWords.push([...distinct]);
      summaryTexts.push(text);
    }
  }
  return { dir, count, folders: folders.length, services, documentFrequency, phrases, sampledWords, summary: { ...summarize(summaryTexts), runbooks: count } };
}

function runbookText(model: CorpusModel, random: Random, meta: { title: string; alertName: string; services: string[]; weight: number }): string {
  const shape = random.pick(model.shapes);
  const lines = ['---', `title: ${meta.title}`, `weight: ${meta.weight}`, `services: [${meta.services.join(', ')}]`, '---', ''];
  if (shape.hasH1) lines.push(`# ${meta.alertName}`, '');
  let mentions = 0;
  for (const section of shape.sections) {
    if (section.level > 0) lines.push(`${'#'.repeat(section.level)} ${section.heading}`, '');
    for (const block of section.blocks) {
      lines.push(...blockLines(model, random, block), '');
      // The services the runbook is about are named in its prose, as real runbooks name theirs.
      if (block.kind === 'paragraph' && mentions < meta.services.length && random.chance(0.6)) {
        const at = lines.length - 2;
        const words = (lines[at] ?? '').split(' ');
        words.splice(random.int(0, words.length), 0, meta.services[mentions] ?? '');
        lines[at] = words.join(' ');
        mentions += 1;
      }
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function blockLines(model: CorpusModel, random: Random, block: BlockShape): string[] {
  switch (block.kind) {
    case 'paragraph': {
      let previous = '';
      return block.words.map((n) => {
        const { text, last } = sentence(model.prose, random, Math.max(1, n), previous);
        previous = last;
        return text;
      });
    }
    case 'list':
      return block.items.flatMap((item, index) => {
        const indent = '  '.repeat(item.depth);
        const marker = block.ordered ? `${index + 1}.` : '-';
        return item.words.map((n, line) => {
          const text = sentence(model.prose, random, Math.max(1, n), '').text;
          return line === 0 ? `${indent}${marker} ${text}` : `${indent}  ${text}`;
        });
      });
    case 'code': {
      const language = model.codeLanguages.draw(random);
      const body = block.tokens.map((n) => (n === 0 ? '' : sentence(model.code, random, n, '', ' ').text));
      return [`\`\`\`${language}`, ...body, '```'];
    }
  }
}

/** `n` words from the chain, continuing after `previous`; punctuation sticks to its word. */
function sentence(chain: Markov, random: Random, n: number, previous: string, join?: string): { text: string; last: string } {
  const tokens: string[] = [];
  let last = previous;
  let words = 0;
  while (words < n) {
    const next = random.chance(BACKOFF) ? chain.any() : (chain.after(last) ?? chain.any());
    const token = next.draw(random);
    tokens.push(token);
    last = token;
    words += Math.max(wordCount(token), 0);
    if (tokens.length > n * 4) break;
  }
  if (join !== undefined) return { text: tokens.join(join), last };
  return { text: tokens.join(' ').replace(/ ([.,:;!?)])/g, '$1').replace(/\( /g, '('), last };
}

function adjacentWords(text: string, random: Random): [string, string] | null {
  const prose = text.split('\n').filter((line) => /^[A-Za-z]/.test(line));
  for (let attempt = 0; attempt < 10 && prose.length > 0; attempt += 1) {
    const words = random.pick(prose).split(' ');
    const start = random.int(0, Math.max(0, words.length - 2));
    const [a, b] = [words[start] ?? '', words[start + 1] ?? ''];
    if (/^[a-z]{3,}$/i.test(a) && /^[a-z]{3,}$/i.test(b)) return [a.toLowerCase(), b.toLowerCase()];
  }
  return null;
}

function lowerWord(model: CorpusModel, random: Random): string {
  return model.titleWords.any().draw(random).toLowerCase();
}

/** An alert name's words: a length from the corpus, each word following the one before as in corpus alert names. */
function alertWords(model: CorpusModel, random: Random): string[] {
  const words: string[] = [];
  const length = model.titleWordCounts.draw(random);
  while (words.length < length) {
    const after = random.chance(BACKOFF) ? undefined : model.titleWords.after(words.at(-1) ?? '');
    words.push((after ?? model.titleWords.any()).draw(random));
  }
  return words;
}

function uniqueNames(count: number, make: () => string): string[] {
  const names = new Set<string>();
  for (let attempt = 0; names.size < count; attempt += 1) {
    const name = make();
    names.add(names.has(name) ? `${name}-${attempt}` : name);
  }
  return [...names];
}
