import type { Heading, Nodes, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** A step found in prose: its Markdown as written, and the blocks its commands are read from. */
export interface ProseStep {
  text: string;
  nodes: Nodes[];
}

/**
 * The steps of a procedure section written as prose rather than as a list (most
 * alert runbooks in Hugo or MkDocs trees are). `blocks` are the section's blocks
 * up to the next heading; none of them is a list.
 *
 * - Directly under a heading that names a procedure (`## Mitigation`, `heading`
 *   null), each paragraph starts a step, and the code blocks (tables, quotes,
 *   pictures) after it belong to that step: "Check the nodes:" and its
 *   `kubectl get nodes` are one step. Code before the first paragraph is a step
 *   of its own.
 * - Under a heading nested below one (`### Defragment` under `## Mitigation`),
 *   the heading and everything under it up to the next heading is one step,
 *   whose first paragraph is the heading's text.
 *
 * A paragraph with no words of its own (only a picture) belongs to the step
 * before it; HTML (comments, `<details>`) never starts a step.
 */
export function proseSteps(heading: Heading | null, blocks: RootContent[], body: string): ProseStep[] {
  const content = blocks.filter((node) => node.type !== 'definition');
  if (heading !== null) {
    if (!content.some(startsStep)) return [];
    const title = slice(body, heading.children);
    const text = [title, slice(body, content)].filter(Boolean).join('\n\n');
    return [{ text, nodes: [heading, ...content] }];
  }
  const units: RootContent[][] = [];
  for (const node of content) {
    const current = units.at(-1);
    if (node.type === 'paragraph' && hasWords(node)) units.push([node]);
    else if (current) current.push(node);
    else if (startsStep(node)) units.push([node]);
  }
  return units.map((nodes) => ({ text: slice(body, nodes), nodes }));
}

/** A block that can start a step when nothing is open: anything shown, but HTML or a rule. */
const startsStep = (node: RootContent): boolean => node.type !== 'html' && node.type !== 'thematicBreak' && node.type !== 'definition';

const hasWords = (node: Nodes): boolean => toString(node, { includeImageAlt: false }).trim() !== '';

/** The Markdown of these nodes as written, from the first one's start to the last one's end. */
function slice(body: string, nodes: Nodes[]): string {
  const start = nodes[0]?.position?.start.offset;
  const end = nodes.at(-1)?.position?.end.offset;
  if (start === undefined || end === undefined) return '';
  return body.slice(start, end).trim();
}
