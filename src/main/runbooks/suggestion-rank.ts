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

/**
 * Runbooks for an incident, best first, each with why: the incident's services
 * among the runbook's services; its title naming the runbook's alert name or
 * title in full ("etcd members down" names `etcdMembersDown`); words shared by
 * the incident (title and services) and the runbook's names, a rare word
 * counting more than a common one ("members" more than "down"); the runbook's
 * group or folder named by a service or by the title ("etcd"); and its tags
 * named likewise. Runbooks that match nothing are left out.
 */
export function rankSuggestions(clues: SuggestionClues, candidates: SuggestionCandidate[]): RankedSuggestion[] {
  const titleWords = words(clues.title);
  const serviceKeys = new Set(clues.services.map(nameKey));
  const titleStems = new Set(titleWords.map((word) => word.stem));
  const incidentWords = new Set([...titleStems, ...clues.services.flatMap((service) => words(service).map((word) => word.stem))]);
  const weight = rarity(candidates);

  const ranked: RankedSuggestion[] = [];
  for (const candidate of candidates) {
    const found: { score: number; reason: string }[] = [];
    const services = candidate.services.filter((service) => serviceKeys.has(nameKey(service)));
    for (const service of services) found.push({ score: WEIGHT.service, reason: `service ${service}` });

    // A service already said: its words are not said again as words in common.
    const name = bestName(candidate, titleWords, services.length ? titleStems : incidentWords, weight);
    if (name) found.push(name);

    const group = [candidate.group, candidate.folder].find((text): text is string => text !== null && names(text, serviceKeys, incidentWords));
    if (group !== undefined) found.push({ score: WEIGHT.group, reason: group === candidate.group ? `in the ${group} group` : `in the ${group} folder` });

    for (const tag of candidate.tags) {
      if (services.some((service) => nameKey(service) === nameKey(tag))) continue;
      if (serviceKeys.has(nameKey(tag))) found.push({ score: WEIGHT.tagService, reason: `tagged ${tag}` });
      else if (names(tag, new Set(), incidentWords)) found.push({ score: WEIGHT.tagWord, reason: `tagged ${tag}` });
    }

    if (found.length === 0) continue;
    found.sort((a, b) => b.score - a.score);
    ranked.push({ id: candidate.id, score: found.reduce((sum, item) => sum + item.score, 0), reasons: found.map((item) => item.reason) });
  }
  const titles = new Map(candidates.map((candidate) => [candidate.id, candidate.title.toLowerCase()]));
  return ranked.sort((a, b) => b.score - a.score || (titles.get(a.id) ?? '').localeCompare(titles.get(b.id) ?? '') || a.id - b.id);
}

interface Word {
  /** As written, for the reason. */
  text: string;
  /** Lower case, without diacritics or a plural `s`: what is compared. */
  stem: string;
}

/**
 * The runbook name (an alert name, else its title) that explains the incident
 * best: one named in full in the incident's title scores most; otherwise the
 * words it shares with the incident, each worth more the rarer it is among the
 * names of the library's runbooks.
 */
function bestName(candidate: SuggestionCandidate, titleWords: Word[], incidentWords: Set<string>, weight: (stem: string) => number) {
  let best: { score: number; reason: string } | null = null;
  const title = candidate.alerts.some((alert) => nameKey(alert) === nameKey(candidate.title)) ? [] : [candidate.title];
  for (const [kind, name] of [...candidate.alerts.map((alert) => ['alert', alert] as const), ...title.map((text) => ['title', text] as const)]) {
    const nameWords = words(name);
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

/** Whether a group, folder or tag is named by a service or by words of the incident (all of its words). */
function names(text: string, serviceKeys: Set<string>, incidentWords: Set<string>): boolean {
  if (serviceKeys.has(nameKey(text))) return true;
  const own = words(text);
  return own.length > 0 && own.every((word) => incidentWords.has(word.stem));
}

/** How much a shared word says: ln(1 + runbooks / runbooks whose names have it). */
function rarity(candidates: SuggestionCandidate[]): (stem: string) => number {
  const counts = new Map<string, number>();
  for (const candidate of candidates) {
    const stems = new Set([candidate.title, ...candidate.alerts].flatMap((name) => words(name).map((word) => word.stem)));
    for (const stem of stems) counts.set(stem, (counts.get(stem) ?? 0) + 1);
  }
  const total = Math.max(candidates.length, 1);
  return (stem) => Math.log(1 + total / (counts.get(stem) ?? 1));
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
function words(text: string): Word[] {
  return spaceIdentifiers(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '' && !/^\p{N}+$/u.test(word))
    .map((word) => ({ text: word, stem: stem(nameKey(word)) }))
    .filter((word) => word.stem !== '' && !STOP_WORDS.has(word.stem));
}

/** "members" and "member" are one word; "status" and "redis" stay as they are. */
const stem = (word: string): string => (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word) ? word.slice(0, -1) : word);

const unique = (list: Word[]): Word[] => [...new Map(list.map((word) => [word.stem, word])).values()];
