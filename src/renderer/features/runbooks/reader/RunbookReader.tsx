import { useEffect, useRef } from 'react';
import type { Runbook } from '../../../../shared/runbooks';
import { Markdown } from '../../../components/Markdown';
import { imageLoader } from '../assets';
import { LocalTime } from '../LocalTime';
import { RunbookLabels } from '../RunbookLabels';
import { StepsOutline } from '../StepsOutline';
import { ArchivedNotice } from './ArchivedNotice';
import { ReaderActions } from './ReaderActions';
import { RelatedRunbooks } from './RelatedRunbooks';
import { RunbookMetadataView } from './RunbookMetadataView';

/** A runbook as a responder reads it: title and what it covers, the document, and beside it the steps. */
export function RunbookReader({ runbook, section }: { runbook: Runbook; section?: string | undefined }) {
  const article = useRef<HTMLElement>(null);
  useScrollToSection(article, runbook.id, section);

  const showSection = (sectionId: string) => scrollToHeading(article.current, sectionId);
  return (
    <article className="reader" aria-labelledby="reader-title" ref={article}>
      <header className="reader-header">
        <div className="reader-title-row">
          <h1 id="reader-title">{runbook.title}</h1>
          <ReaderActions runbook={runbook} />
        </div>
        <RunbookLabels services={runbook.services} tags={runbook.tags} />
        <p className="reader-meta">
          {runbook.origin === 'demo'
            ? 'Demo workspace sample'
            : runbook.sourcePath
              ? `From ${runbook.sourcePath}`
              : 'Written in Holdfast'}
          {runbook.group && ` · ${runbook.group}`}
          {' · '}revision {runbook.revision}, updated <LocalTime iso={runbook.updatedAt} />
        </p>
      </header>
      {runbook.archived && <ArchivedNotice runbook={runbook} />}
      <RunbookMetadataView runbook={runbook} />
      <div className="reader-columns">
        <div className="reader-document">
          <Markdown source={runbook.body} title={runbook.title} loadImage={imageLoader(runbook.id)} />
        </div>
        <aside className="reader-aside" aria-label="Steps and related runbooks">
          <StepsOutline steps={runbook.steps} onSection={showSection} />
          <RelatedRunbooks runbookId={runbook.id} />
        </aside>
      </div>
    </article>
  );
}

/** Opening a search hit lands on its section; opening a runbook otherwise starts at the top. */
function useScrollToSection(article: React.RefObject<HTMLElement | null>, id: number, section: string | undefined) {
  useEffect(() => {
    const element = article.current;
    if (!element) return;
    if (!section || !scrollToHeading(element, section)) {
      element.closest('.library-reader')?.scrollTo({ top: 0 });
    }
  }, [article, id, section]);
}

function scrollToHeading(article: HTMLElement | null, sectionId: string): boolean {
  const heading = article?.querySelector<HTMLElement>(`.reader-document #${CSS.escape(sectionId)}`);
  if (!heading) return false;
  heading.scrollIntoView({ block: 'start' });
  heading.classList.remove('section-flash');
  // Restart the highlight so the eye finds where it landed.
  void heading.offsetWidth;
  heading.classList.add('section-flash');
  return true;
}
