import { nameKey } from './format/alert-names';
import { spaceIdentifiers } from './format/keywords';

/** What an incident says about itself that a runbook can be found by. */
export interface SuggestionClues {
  title: string;
  services: string[];
}

/** What a runbook answers to, as suggestion ranking reads it. */
export interface SuggestionCandidate {
  id: number;
  title: string;
  /** Its alert names (front matter `alert`, a file named like one, a title that is one). */
  alerts: string[];
  services: string[];
  tags: string[];
  /** The title of its folder's section page (`_index.md`), if any. */
  group: string | null;
  /** The name of the folder it was imported from, if any. */
  folder: string | null;
}

export interface RankedSuggestion {
  id: number;
  score: number;
  /** Why, strongest first. */
  reasons: string[];
}

/** What each kind of match is worth. A named service outweighs everything; an alert named in full, the rest. */
const WEIGHT = { service: 100, fullName: 60, word: 5, group: 30, tagService: 30, tagWord: 15 };

interface Word {
  /** As written, for the reason. */
  text: string;
  /** Lower case, without diacritics or a plural `s`: what is compared. */
  stem: string;
}

/** A candidate with its names, group and tags already split into words: read once per change of the library. */
interface Prepared {
  candidate: SuggestionCandidate;
  names: { kind: 'alert' | 'title'; name: string; words: Word[] }[];
  groups: { text: string; kind: 'group' | 'folder'; key: string; words: Word[] }[];
  tags: { tag: string; key: string; words: Word[] }[];
  serviceKeys: string[];
  /** Every word and key above: a runbook sharing none of them with an incident is passed over at once. */
  clues: string[];
}

/** The library as ranking reads it: each runbook prepared, and how rare each word of their names is. */
export interface SuggestionIndex {
  prepared: Prepared[];
  /** ln(1 + runbooks / runbooks whose names have the word): a rare word in common says more. */
  weight: Map<string, number>;
  /** The weight of a word no name has. */
  unseen: number;
}

export function indexSuggestions(candidates: SuggestionCandidate[]): SuggestionIndex {
  const counts = new Map<string, number>();
  // Folders, groups and tags repeat across a library: each text is split and keyed once.
  const split = new Map<string, { key: string; words: Word[] }>();
  const read = (text: string) => {
    let found = split.get(text);
    if (!found) split.set(text, (found = { key: nameKey(text), words: splitWords(text) }));
    return found;
  };
  const prepared = candidates.map((candidate): Prepared => {
    const clues = new Set<string>();
    const names: Prepared['names'] = candidate.alerts.map((name) => ({ kind: 'alert', name, words: read(name).words }));
    // A title that is one of its alert names is said once, as the alert name.
    const title = read(candidate.title);
    if (!candidate.alerts.some((alert) => read(alert).key === title.key)) names.push({ kind: 'title', name: candidate.title, words: title.words });
    for (const name of names) for (const word of name.words) clues.add(word.stem);
    for (const stem of clues) counts.set(stem, (counts.get(stem) ?? 0) + 1);

    const groups: Prepared['groups'] = [];
    if (candidate.group !== null) groups.push({ text: candidate.group, kind: 'group', ...read(candidate.group) });
    if (candidate.folder !== null && read(candidate.folder).key !== (candidate.group === null ? '' : read(candidate.group).key)) {
      groups.push({ text: candidate.folder, kind: 'folder', ...read(candidate.folder) });
    }
    const tags = candidate.tags.map((tag) => ({ tag, ...read(tag) }));
    const serviceKeys = candidate.services.map((service) => read(service).key);
    for (const item of [...groups, ...tags]) {
      clues.add(item.key);
      for (const word of item.words) clues.add(word.stem);
    }
    for (const key of serviceKeys) clues.add(key);
    return { candidate, names, groups, tags, serviceKeys, clues: [...clues] };
  });
  const total = Math.max(candidates.length, 1);
  return {
    prepared,
    weight: new Map([...counts].map(([stem, count]) => [stem, Math.log(1 + total / count)])),
    unseen: Math.log(1 + total),
  };
}

/**
 * Runbooks for an incident, best first, each with why: the incident's services
 * among the runbook's services; its title naming the runbook's alert name or
 * title in full ("etcd members down" names `etcdMembersDown`); words shared by
 * the incident (title and services) and the runbook's names, a rare word
 * counting more than a common one ("members" more than "down"); the runbook's
 * group or folder named by a service or by the title ("etcd"); and its tags
 * named likewise. Runbooks that match nothing are left out.
 */
export function rankSuggestions(clues: SuggestionClues, index: SuggestionIndex): RankedSuggestion[] {
  const titleWords = splitWords(clues.title);
  const serviceKeys = new Set(clues.services.map(nameKey));
  const titleStems = new Set(titleWords.map((word) => word.stem));
  const incidentWords = new Set([...titleStems, ...clues.services.flatMap((service) => splitWords(service).map((word) => word.stem))]);
  const weight = (stem: string) => index.weight.get(stem) ?? index.unseen;
  const named = (key: string, own: Word[], bag: Set<string>) => serviceKeys.has(key) || (own.length > 0 && own.every((word) => bag.has(word.stem)));

  const ranked: (RankedSuggestion & { title: string })[] = [];
  for (const { candidate, names, groups, tags, serviceKeys: own, clues: said } of index.prepared) {
    if (!said.some((clue) => incidentWords.has(clue) || serviceKeys.has(clue))) continue;
    const found: { score: number; reason: string }[] = [];
    const services = candidate.services.filter((_, i) => serviceKeys.has(own[i] ?? ''));
    for (const service of services) found.push({ score: WEIGHT.service, reason: `service ${service}` });

    // A service already said: its words are not said again as words in common.
    const name = bestName(names, titleWords, services.length ? titleStems : incidentWords, weight);
    if (name) found.push(name);

    const group = groups.find((item) => named(item.key, item.words, incidentWords));
    if (group) found.push({ score: WEIGHT.group, reason: `in the ${group.text} ${group.kind}` });

    for (const tag of tags) {
      if (own.includes(tag.key) && serviceKeys.has(tag.key)) continue;
      if (serviceKeys.has(tag.key)) found.push({ score: WEIGHT.tagService, reason: `tagged ${tag.tag}` });
      else if (named('', tag.words, incidentWords)) found.push({ score: WEIGHT.tagWord, reason: `tagged ${tag.tag}` });
    }

    if (found.length === 0) continue;
    found.sort((a, b) => b.score - a.score);
    const score = found.reduce((sum, item) => sum + item.score, 0);
    ranked.push({ id: candidate.id, score, reasons: found.map((item) => item.reason), title: candidate.title.toLowerCase() });
  }
  return ranked
    .sort((a, b) => b.score - a.score || a.title.localeCompare(b.title) || a.id - b.id)
    .map(({ id, score, reasons }) => ({ id, score, reasons }));
}

/**
 * The runbook name (an alert name, else its title) that explains the incident
 * best: one named in full in the incident's title scores most; otherwise the
 * words it shares with the incident, each worth more the rarer it is.
 */
function bestName(names: Prepared['names'], titleWords: Word[], incidentWords: Set<string>, weight: (stem: string) => number) {
  let best: { score: number; reason: string } | null = null;
  for (const { kind, name, words: nameWords } of names) {
    const shared = unique(nameWords.filter((word) => incidentWords.has(word.stem)));
    if (shared.length === 0) continue;
    const full = contains(titleWords, nameWords);
    const score = (full ? WEIGHT.fullName : 0) + WEIGHT.word * shared.reduce((sum, word) => sum + weight(word.stem), 0);
    const what = kind === 'alert' ? `alert name ${name}` : 'its title';
    const reason = full ? `${what} matches the title` : `${what} shares ${shared.map((word) => `“${word.text}”`).join(', ')} with the incident`;
    if (!best || score > best.score) best = { score, reason };
  }
  return best;
}

/** Whether `part` occurs in `whole` as a run of consecutive words. */
function contains(whole: Word[], part: Word[]): boolean {
  if (part.length === 0) return false;
  for (let start = 0; start + part.length <= whole.length; start += 1) {
    if (part.every((word, offset) => whole[start + offset]?.stem === word.stem)) return true;
  }
  return false;
}

const STOP_WORDS = new Set(['a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'in', 'is', 'it', 'its', 'of', 'on', 'or', 'the', 'to', 'was', 'with']);

/** The words of a title or name, alert names split at their changes of case, without small words and bare numbers. */
function splitWords(text: string): Word[] {
  return spaceIdentifiers(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '' && !/^\p{N}+$/u.test(word))
    .map((word) => ({ text: word, stem: stem(/^[a-z0-9]+$/i.test(word) ? word.toLowerCase() : nameKey(word)) }))
    .filter((word) => word.stem !== '' && !STOP_WORDS.has(word.stem));
}

/** "members" and "member" are one word; "status" and "redis" stay as they are. */
const stem = (word: string): string => (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word) ? word.slice(0, -1) : word);

const unique = (list: Word[]): Word[] => [...new Map(list.map((word) => [word.stem, word])).values()];
