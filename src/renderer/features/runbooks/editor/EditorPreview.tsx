import { useDeferredValue } from 'react';
import { useOp } from '../../../api/queries';
import { useSettledValue } from '../../../components/typing-gate';
import { Markdown } from '../../../components/Markdown';
import { imageLoader } from '../assets';
import { StepsOutline } from '../StepsOutline';

const PREVIEW_DELAY_MS = 150;

/** What the incident runner will see: the rendered document and the steps extracted from it, as the author types. */
export function EditorPreview({ body, title, runbookId }: { body: string; title: string; runbookId: number | null }) {
  const shown = useDeferredValue(body);
  const previewed = useSettledValue(body, PREVIEW_DELAY_MS);
  const query = useOp('previewRunbook', { body: previewed }, { keepPrevious: true, forget: true });
  const preview = query.error ? { sections: [], steps: [], warnings: [query.error.message] } : query.data;

  return (
    <>
      <section className="editor-preview" aria-label="Preview">
        <h2 className="pane-title">Preview</h2>
        {shown.trim() === '' ? (
          <p className="muted">The rendered runbook appears here as you type.</p>
        ) : (
          <Markdown
            source={shown}
            title={title}
            loadImage={runbookId === null ? undefined : imageLoader(runbookId)}
          />
        )}
      </section>
      <section className="editor-outline" aria-label="Step outline">
        {preview && preview.warnings.length > 0 && (
          <div className="warnings" role="status">
            <h2 className="pane-title">Check before saving</h2>
            <ul>
              {preview.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          </div>
        )}
        <StepsOutline
          steps={preview?.steps ?? []}
          emptyHint="No steps yet. List items under headings such as Diagnosis, Mitigation, Steps or Rollback become steps, and so does every task item (- [ ])."
        />
      </section>
    </>
  );
}
