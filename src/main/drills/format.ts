import GithubSlugger from 'github-slugger';
import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { Document, isSeq } from 'yaml';
import { z } from 'zod';
import type { DrillInject, DrillTargets } from '../../shared/drills';
import { issueText, READABLE } from '../../shared/issue-words';
import { HoldfastError } from '../errors';
import { FrontMatterError, readFrontMatterYaml } from '../runbooks/format/front-matter';
import { parseMarkdown } from '../runbooks/format/markdown';
import { parseDuration } from '../../shared/step-timer';

/** A drill scenario as docs/drill-format.md describes it. */
export interface ScenarioDocument {
  title: string;
  objectives: string;
  services: string[];
  runbooks: string[];
  targets: DrillTargets;
  injects: Omit<DrillInject, 'id'>[];
}

const duration = z.union([z.string(), z.number()]).transform((value, context) => {
  const seconds = parseDuration(String(value));
  if (seconds === null) context.addIssue({ code: 'custom', message: `"${String(value)}" is not a duration such as 5m or 1h30m` });
  return seconds === null ? null : seconds / 60;
});

const FrontMatter = z
  .object({
    title: z.string().trim().min(1).optional(),
    services: z.array(z.string().trim().min(1)).default([]),
    runbooks: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
    targets: z
      .object({ acknowledge: duration.optional(), first_update: duration.optional(), mitigate: duration.optional() })
      .strict()
      .default({}),
  })
  .strict();

const INJECT_HEADING = /^(?:at\s+(.+?)|manual)\s*:\s*(.+)$/i;

/**
 * Reads a scenario file: front matter (title, services, runbooks, targets), an
 * `## Objectives` section, and an `## Injects` section whose `### At 5m: Title`
 * or `### Manual: Title` headings are the injects. Blockquotes in an inject are
 * the facilitator's notes. Errors name the file and line.
 */
export function parseScenario(text: string, fileName: string): ScenarioDocument {
  const tree = parseMarkdown(text);
  const fail = (line: number | undefined, message: string): never => {
    // A problem with the whole file (no title, say) points at its first line.
    throw new HoldfastError('VALIDATION', `${fileName}:${line ?? 1}: ${message}`);
  };
  const first = tree.children[0];
  let frontMatter: z.output<typeof FrontMatter> = FrontMatter.parse({});
  if (first?.type === 'yaml') {
    let yaml: Record<string, unknown> = {};
    try {
      yaml = readFrontMatterYaml(first.value);
    } catch (error) {
      if (!(error instanceof FrontMatterError)) throw error;
      fail((first.position?.start.line ?? 1) + error.line - 1, error.message);
    }
    const parsed = FrontMatter.safeParse(yaml, READABLE);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      fail(first.position?.start.line, `front matter: ${issue ? issueText(issue) : 'is not valid'}`);
    } else frontMatter = parsed.data;
  }
  const slice = (start: number, end: number) => text.slice(start, end).trim();
  const headings = tree.children.filter((node): node is Heading => node.type === 'heading');
  const endOf = (index: number, depth: number) => {
    const next = headings.slice(index + 1).find((heading) => heading.depth <= depth);
    return next?.position?.start.offset ?? text.length;
  };
  const title = frontMatter.title ?? (headings.find((h) => h.depth === 1) ? toString(headings.find((h) => h.depth === 1)) : undefined);
  if (!title) fail(undefined, 'a scenario needs a title (front matter title, or a # heading)');

  let objectives = '';
  const injects: ScenarioDocument['injects'] = [];
  headings.forEach((heading, index) => {
    const name = toString(heading).trim();
    const bodyStart = heading.position?.end.offset ?? 0;
    if (heading.depth === 2 && /^objectives$/i.test(name)) objectives = slice(bodyStart, endOf(index, 2));
    if (heading.depth !== 3) return;
    const parent = [...headings.slice(0, index)].reverse().find((h) => h.depth === 2);
    if (!parent || !/^injects$/i.test(toString(parent).trim())) return;
    const match = INJECT_HEADING.exec(name);
    if (!match) fail(heading.position?.start.line, `"${name}" is not an inject heading; write "At 5m: title" or "Manual: title"`);
    const offset = match?.[1] === undefined ? null : parseDuration(match[1]);
    if (match?.[1] !== undefined && offset === null) fail(heading.position?.start.line, `"${match[1]}" is not a duration such as 5m or 1h30m`);
    const body = slice(bodyStart, endOf(index, 3));
    const notes = [...body.matchAll(/^>\s?(.*)$/gm)].map((line) => line[1] ?? '').join('\n').replace(/^facilitator:\s*/i, '').trim();
    injects.push({
      title: match?.[2]?.trim() ?? name,
      text: body.replace(/^>.*$/gm, '').trim(),
      facilitatorNotes: notes,
      offsetSeconds: offset,
    });
  });
  return {
    title: title ?? '',
    objectives,
    services: frontMatter.services,
    runbooks: frontMatter.runbooks,
    targets: {
      acknowledgeMinutes: frontMatter.targets.acknowledge ?? null,
      firstUpdateMinutes: frontMatter.targets.first_update ?? null,
      mitigateMinutes: frontMatter.targets.mitigate ?? null,
    },
    injects,
  };
}

/** Ids for injects: position and title, so they stay put while the scenario is run. */
export function injectIds(injects: Omit<DrillInject, 'id'>[]): DrillInject[] {
  const slugger = new GithubSlugger();
  return injects.map((inject, index) => ({ ...inject, id: `${index + 1}-${slugger.slug(inject.title)}` }));
}

const minutesText = (minutes: number) => (minutes % 60 === 0 && minutes >= 60 ? `${minutes / 60}h` : `${minutes}m`);
const offsetText = (seconds: number) => (seconds % 60 === 0 ? minutesText(seconds / 60) : `${seconds}s`);

/** The scenario as a Markdown file in the documented format; parsing it gives the scenario back. */
export function composeScenario(scenario: ScenarioDocument): string {
  const targets: Record<string, string> = {};
  if (scenario.targets.acknowledgeMinutes !== null) targets.acknowledge = minutesText(scenario.targets.acknowledgeMinutes);
  if (scenario.targets.firstUpdateMinutes !== null) targets.first_update = minutesText(scenario.targets.firstUpdateMinutes);
  if (scenario.targets.mitigateMinutes !== null) targets.mitigate = minutesText(scenario.targets.mitigateMinutes);
  const document = new Document({ title: scenario.title, services: scenario.services, runbooks: scenario.runbooks, targets });
  for (const key of ['services', 'runbooks']) {
    const node = document.get(key, true);
    if (isSeq(node)) node.flow = true;
  }
  const injects = scenario.injects.map((inject) => {
    const heading = inject.offsetSeconds === null ? `### Manual: ${inject.title}` : `### At ${offsetText(inject.offsetSeconds)}: ${inject.title}`;
    const notes = inject.facilitatorNotes ? `\n\n${inject.facilitatorNotes.split('\n').map((line, i) => `> ${i === 0 ? 'Facilitator: ' : ''}${line}`).join('\n')}` : '';
    return `${heading}\n\n${inject.text}${notes}`;
  });
  return `---\n${document.toString({ lineWidth: 0, flowCollectionPadding: false })}---\n\n# ${scenario.title}\n\n## Objectives\n\n${scenario.objectives}\n\n## Injects\n\n${injects.join('\n\n')}\n`;
}
