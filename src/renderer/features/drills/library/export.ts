import type { DrillScenario } from '../../../../shared/drills';
import { readOp } from '../../../api/queries';
import { downloadFile, safeFileName } from '../../../components/download';

/** Downloads a scenario as Markdown in the documented format (docs/drill-format.md). Returns an error message, if any. */
export async function exportScenario(scenario: Pick<DrillScenario, 'id' | 'title'>): Promise<string | null> {
  const result = await readOp('exportDrillScenario', { id: scenario.id }, { fresh: true });
  if (!result.ok) return result.error.message;
  downloadFile(`${safeFileName(scenario.title)}.md`, result.value.markdown, 'text/markdown;charset=utf-8');
  return null;
}
