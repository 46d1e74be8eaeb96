import type { Element, ElementContent, Root, RootContent } from 'hast';

const TIMER = /⏱\uFE0F?/u;

/** The class of the mark each ⏱ becomes; the Markdown component draws it as the timer icon. */
export const TIMER_MARK = 'timer-mark';

/**
 * Turns each ⏱ in a document's text (a step's timer, `⏱ 5m`) into a mark the
 * Markdown component draws as an icon: the character is missing from many fonts.
 * Code keeps its text as written. Runs after rehype-sanitize, so the mark is ours.
 */
export function rehypeTimerMarks() {
  return (tree: Root) => {
    tree.children = tree.children.flatMap((child) => marked(child));
  };
}

function marked<T extends RootContent | ElementContent>(node: T): (T | Element)[] {
  if (node.type === 'text' && TIMER.test(node.value)) {
    const parts = node.value.split(new RegExp(TIMER.source, 'gu'));
    return parts.flatMap((part, index) => [
      ...(index > 0 ? [{ type: 'element', tagName: 'span', properties: { className: [TIMER_MARK] }, children: [] } satisfies Element] : []),
      ...(part === '' ? [] : [{ ...node, value: part }]),
    ]);
  }
  if (node.type === 'element' && node.tagName !== 'code' && node.tagName !== 'pre') {
    node.children = node.children.flatMap((child) => marked(child));
  }
  return [node];
}
