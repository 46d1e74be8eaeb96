import { Markdown } from '../../components/Markdown';
import type { Runbook } from '../../../shared/runbooks';
import { RunbookLabels } from './RunbookLabels';

/** A runbook as a responder reads it: title, what it covers, then the document. */
export function RunbookReader({ runbook }: { runbook: Runbook }) {
  return (
    <article className="reader" aria-labelledby="reader-title">
      <header className="reader-header">
        <h1 id="reader-title">{runbook.title}</h1>
        <RunbookLabels services={runbook.services} tags={runbook.tags} />
        <p className="reader-meta">
          {runbook.origin === 'demo' ? 'Demo workspace sample' : runbook.sourcePath ? `From ${runbook.sourcePath}` : null}
          {' · '}updated <time dateTime={runbook.updatedAt}>{new Date(runbook.updatedAt).toLocaleString()}</time>
        </p>
      </header>
      <Markdown source={withoutRepeatedTitle(runbook.body, runbook.title)} />
    </article>
  );
}

/** The header already shows the title; a body that opens with the same `# Title` would say it twice. */
export function withoutRepeatedTitle(body: string, title: string): string {
  const match = /^\s*#[ \t]+(.+?)[ \t#]*(\r?\n|$)/.exec(body);
  return match?.[1]?.trim() === title.trim() ? body.slice(match[0].length) : body;
}
