import type { Random } from '../random';
import type { GeneratedRunbooks } from '../data/runbooks';

export const QUERY_CLASSES = ['rare', 'common', 'two-word', 'prefix', 'phrase'] as const;
export type QueryClass = (typeof QUERY_CLASSES)[number];

export interface BenchQuery {
  class: QueryClass;
  /** As typed in the search box. */
  text: string;
  /** The words ripgrep looks for: every one must be in a file (a phrase is one entry). */
  rgTerms: string[];
}

/** Words too common to be searched for on their own. */
const STOPWORDS = new Set(
  'the and for that this with from are was were can not but you your have has had will would should could into onto than then them they their there these those when what which while where who whom how all any each other some such only own same too very just also may might must more most much many over under again once here does did doing been being about above below between both during after before off out why'.split(' '),
);

/**
 * The 200 search queries, an equal number per class, drawn from the words of
 * the generated runbooks (which are the corpus' words): rare words (in the
 * fewest runbooks), common words (in the most), two words found together in one
 * runbook, the first letters of a word as someone is still typing it, and
 * two-word phrases that occur in a runbook.
 */
export function buildQueries(generated: GeneratedRunbooks, random: Random, total = 200): BenchQuery[] {
  const perClass = Math.floor(total / QUERY_CLASSES.length);
  const df = generated.documentFrequency;
  const words = [...df.entries()].filter(([word]) => /^[a-z]{4,}$/.test(word) && !STOPWORDS.has(word));
  const byFrequency = random.shuffle([...words]).sort((a, b) => a[1] - b[1]);
  const n = generated.count;
  const mid = (word: string) => {
    const f = df.get(word) ?? 0;
    return f >= n * 0.005 && f <= n * 0.25;
  };

  const rare = byFrequency.slice(0, perClass).map(([word]) => word);
  const common = byFrequency.slice(-perClass).map(([word]) => word);
  const twoWord = distinct(perClass, () => {
    const doc = random.pick(generated.sampledWords).filter((word) => /^[a-z]{4,}$/.test(word) && !STOPWORDS.has(word) && mid(word));
    if (doc.length < 2) return null;
    const a = random.pick(doc);
    const b = random.pick(doc);
    return a === b ? null : `${a} ${b}`;
  });
  const prefixSource = words.filter(([word, f]) => word.length >= 6 && f >= n * 0.01).map(([word]) => word);
  const prefix = distinct(perClass, () => random.pick(prefixSource).slice(0, random.int(3, 5)));
  const phrase = distinct(perClass, () => {
    const [a, b] = random.pick(generated.phrases);
    return `${a} ${b}`;
  });

  return [
    ...rare.map((word) => ({ class: 'rare' as const, text: word, rgTerms: [word] })),
    ...common.map((word) => ({ class: 'common' as const, text: word, rgTerms: [word] })),
    ...twoWord.map((text) => ({ class: 'two-word' as const, text, rgTerms: text.split(' ') })),
    ...prefix.map((text) => ({ class: 'prefix' as const, text, rgTerms: [text] })),
    ...phrase.map((text) => ({ class: 'phrase' as const, text: `"${text}"`, rgTerms: [text] })),
  ];
}

function distinct(count: number, make: () => string | null): string[] {
  const found = new Set<string>();
  for (let attempt = 0; found.size < count && attempt < count * 200; attempt += 1) {
    const value = make();
    if (value) found.add(value);
  }
  return [...found];
}
