import type { DrillRun } from '../../../../shared/drills';
import type { Result } from '../../../../shared/result';
import { loadActive, loadScorecard, receiveRun } from '../store';

/** Runs a facilitator action; the run it answers with is shown at once. Returns an error message, if any. */
export async function act(operation: Promise<Result<DrillRun>>): Promise<string | null> {
  const result = await operation;
  if (!result.ok) return result.error.message;
  receiveRun(result.value);
  void loadActive();
  void loadScorecard(result.value.id);
  return null;
}
