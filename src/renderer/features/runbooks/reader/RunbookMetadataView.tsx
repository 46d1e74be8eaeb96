import type { Runbook } from '../../../../shared/runbooks';
import { openExternal } from '../../../components/external';
import { ExternalIcon } from '../../../components/icons';

/** The facts a responder needs before the procedure: what it is for, who owns it, how fresh it is, where to look. */
export function RunbookMetadataView({ runbook }: { runbook: Runbook }) {
  const { metadata } = runbook;
  return (
    <section className="reader-metadata" aria-label="About this runbook">
      {metadata.summary && <p className="reader-summary">{metadata.summary}</p>}
      <dl className="metadata-facts">
        {metadata.owner && <Fact term="Owner">{metadata.owner}</Fact>}
        {metadata.severity && <Fact term="Severity">{metadata.severity}</Fact>}
        <Fact term="Last reviewed">{metadata.lastReviewed ?? 'never'}</Fact>
        {runbook.nextReviewOn && (
          <Fact term="Next review">
            {runbook.nextReviewOn}
            {metadata.reviewIntervalDays !== null && (
              <span className="muted"> (every {metadata.reviewIntervalDays} days)</span>
            )}
          </Fact>
        )}
      </dl>
      {runbook.reviewDue && (
        <p className="review-due" role="note">
          <strong>Review due</strong> — this runbook was due for review on {runbook.nextReviewOn ?? 'an earlier date'}.
          Use it, but check that commands and links still hold.
        </p>
      )}
      {metadata.links.length > 0 && (
        <ul className="metadata-links" aria-label="Links">
          {metadata.links.map((link) => (
            <li key={`${link.label}\n${link.url}`}>
              <button type="button" className="link-out" title={link.url} onClick={() => void openExternal(link.url)}>
                {link.label} <ExternalIcon />
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
