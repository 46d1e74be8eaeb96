import type { InputOf } from '../../../../shared/contract';
import type { DrillScenario } from '../../../../shared/drills';

export interface InjectDraft {
  /** Stable while editing, so React keeps each inject's fields when they are reordered. */
  key: string;
  title: string;
  text: string;
  facilitatorNotes: string;
  timing: 'timed' | 'manual';
  /** Minutes after the start, as typed ("2", "1.5"). */
  atMinutes: string;
}

export interface ScenarioDraft {
  title: string;
  objectives: string;
  services: string[];
  /** A service typed but not yet turned into a chip. */
  pendingService: string;
  runbooks: string[];
  targets: { acknowledge: string; firstUpdate: string; mitigate: string };
  injects: InjectDraft[];
}

/** A problem with one field, by the name its input carries (`title`, `injects.1.atMinutes`…). */
export interface DraftError {
  field: string;
  message: string;
}

let nextKey = 0;
const newKey = () => `inject-${++nextKey}`;

export const blankInject = (): InjectDraft => ({ key: newKey(), title: '', text: '', facilitatorNotes: '', timing: 'timed', atMinutes: '' });

const minutesField = (minutes: number | null) => (minutes === null ? '' : String(minutes));

export function toDraft(scenario: DrillScenario | null): ScenarioDraft {
  if (!scenario) {
    return { title: '', objectives: '', services: [], pendingService: '', runbooks: [], targets: { acknowledge: '', firstUpdate: '', mitigate: '' }, injects: [blankInject()] };
  }
  return {
    title: scenario.title,
    objectives: scenario.objectives,
    services: scenario.services,
    pendingService: '',
    runbooks: scenario.runbooks,
    targets: {
      acknowledge: minutesField(scenario.targets.acknowledgeMinutes),
      firstUpdate: minutesField(scenario.targets.firstUpdateMinutes),
      mitigate: minutesField(scenario.targets.mitigateMinutes),
    },
    injects: scenario.injects.map((inject) => ({
      key: newKey(),
      title: inject.title,
      text: inject.text,
      facilitatorNotes: inject.facilitatorNotes,
      timing: inject.offsetSeconds === null ? 'manual' : 'timed',
      atMinutes: inject.offsetSeconds === null ? '' : String(Math.round((inject.offsetSeconds / 60) * 100) / 100),
    })),
  };
}

type SaveInput = InputOf<'saveDrillScenario'>;

/** What the form says, as the save operation takes it, or every field that needs fixing (in form order). */
export function toInput(draft: ScenarioDraft, id: number | null): { ok: true; input: SaveInput } | { ok: false; errors: DraftError[] } {
  const errors: DraftError[] = [];
  const minutes = (field: string, label: string, text: string): number | null => {
    if (text.trim() === '') return null;
    const value = Number(text.trim().replace(',', '.'));
    if (!Number.isFinite(value) || value < 0) {
      errors.push({ field, message: `${label}: write a number of minutes, such as 5 or 2.5 (or leave it empty).` });
      return null;
    }
    return value;
  };
  if (draft.title.trim() === '') errors.push({ field: 'title', message: 'Give the scenario a title.' });
  const targets = {
    acknowledgeMinutes: minutes('targets.acknowledge', 'Acknowledge target', draft.targets.acknowledge),
    firstUpdateMinutes: minutes('targets.firstUpdate', 'First update target', draft.targets.firstUpdate),
    mitigateMinutes: minutes('targets.mitigate', 'Mitigate target', draft.targets.mitigate),
  };
  const injects = draft.injects.map((inject, index) => {
    const label = `Inject ${index + 1}`;
    if (inject.title.trim() === '') errors.push({ field: `injects.${index}.title`, message: `${label} needs a title.` });
    let offsetSeconds: number | null = null;
    if (inject.timing === 'timed') {
      if (inject.atMinutes.trim() === '') errors.push({ field: `injects.${index}.atMinutes`, message: `${label}: when should it fire? Give the minutes after the start, or make it manual.` });
      else {
        const value = minutes(`injects.${index}.atMinutes`, label, inject.atMinutes);
        offsetSeconds = value === null ? null : Math.round(value * 60);
      }
    }
    return { title: inject.title.trim(), text: inject.text.trim(), facilitatorNotes: inject.facilitatorNotes.trim(), offsetSeconds };
  });
  const pending = draft.pendingService
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '' && !draft.services.includes(name));
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      ...(id === null ? {} : { id }),
      title: draft.title.trim(),
      objectives: draft.objectives.trim(),
      services: [...draft.services, ...pending],
      runbooks: draft.runbooks,
      targets,
      injects,
    },
  };
}
