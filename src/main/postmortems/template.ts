import fs from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';

export interface TemplateSection {
  id: string;
  title: string;
  /** The section's body, placeholders not yet filled. */
  body: string;
  /** A section with placeholders is drawn from the incident's record. */
  fromRecord: boolean;
}

export interface PostmortemTemplate {
  /** Everything before the first `## ` heading (the title line and header table). */
  heading: string;
  sections: TemplateSection[];
}

/** The template file: the user's own in the data folder if there is one, else the one Holdfast ships. */
export function templateFile(dataDir: string, assetsDir: string): string {
  const own = path.join(dataDir, 'postmortem-template.md');
  return fs.existsSync(own) ? own : path.join(assetsDir, 'postmortem-template.md');
}

export const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g;

/** Splits a template at its `## ` headings; each becomes a section of the draft. */
export function parseTemplate(text: string): PostmortemTemplate {
  const slugger = new GithubSlugger();
  const parts = text.replace(/\r\n/g, '\n').split(/^## +/m);
  const heading = (parts.shift() ?? '').trim();
  const sections = parts.map((part) => {
    const newline = part.indexOf('\n');
    const title = (newline < 0 ? part : part.slice(0, newline)).trim();
    const body = newline < 0 ? '' : part.slice(newline + 1).trim();
    return { id: slugger.slug(title), title, body, fromRecord: new RegExp(PLACEHOLDER.source).test(body) };
  });
  return { heading, sections };
}
