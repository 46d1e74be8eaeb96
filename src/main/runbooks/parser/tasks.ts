import { interpretFrontMatter, readFrontMatterYaml } from '../format/front-matter';
import { parseBody, parseMarkdown, parseRunbookFile } from '../format/markdown';

/**
 * Everything that reads runbook Markdown on behalf of a request, by name, so it
 * can run in a worker thread (./worker.ts) or, where no worker can start, here.
 * Arguments and results are plain data: they cross threads by structured clone.
 */
export const parseTasks = {
  /** A body as the editor sends it: its searchable text, sections, steps and images. */
  body: (body: string, procedureHeadings: readonly string[]) => parseBody(body, procedureHeadings),
  /** A whole file: front matter and body. */
  file: (text: string, fileName: string, procedureHeadings: readonly string[]) => parseRunbookFile(text, fileName, procedureHeadings),
  /** The `title` of a section page's (`_index.md`) front matter, or null. */
  frontMatterTitle: (text: string): string | null => {
    const first = parseMarkdown(text).children[0];
    return first?.type === 'yaml' ? interpretFrontMatter(readFrontMatterYaml(first.value)).metadata.title : null;
  },
};

export type ParseTasks = typeof parseTasks;
export type ParseTaskName = keyof ParseTasks;

/** A task as posted to a worker. */
export interface ParseRequest {
  id: number;
  task: ParseTaskName;
  args: unknown[];
}

/** What a worker posts back: `ready` once it has loaded, then one reply per request. */
export type ParseReply =
  | { type: 'ready' }
  | { type: 'done'; id: number; value: unknown }
  | { type: 'failed'; id: number; error: { holdfast: boolean; code: string; message: string; field?: string | undefined } };
