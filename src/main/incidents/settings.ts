import type { IncidentSettings, SeverityLevel, StatusTemplate } from '../../shared/incidents';
import type { Settings } from '../workspace/settings';

const SEVERITIES_KEY = 'incidents.severities';
const TEMPLATES_KEY = 'incidents.templates';

export const DEFAULT_SEVERITIES: SeverityLevel[] = [
  {
    severity: 'SEV1',
    description: 'Critical: customers cannot use a core function, or data is at risk.',
    paging: 'Page the on-call of every affected team and the incident commander rota at once.',
    updateEveryMinutes: 30,
  },
  {
    severity: 'SEV2',
    description: 'Major: a core function is degraded for many customers.',
    paging: 'Page the on-call of the affected team; escalate after 15 minutes without acknowledgement.',
    updateEveryMinutes: 60,
  },
  {
    severity: 'SEV3',
    description: 'Minor: a non-core function is degraded, or a few customers are affected.',
    paging: 'Notify the on-call of the affected team during their hours.',
    updateEveryMinutes: 120,
  },
  {
    severity: 'SEV4',
    description: 'Low: no customer impact yet; something needs attention.',
    paging: 'Open a ticket for the owning team; no page.',
    updateEveryMinutes: 240,
  },
];

export const DEFAULT_TEMPLATES: StatusTemplate[] = [
  {
    audience: 'internal',
    text: [
      '[{{severity}}] {{title}} — {{status}}',
      'Services: {{services}}',
      'Impact: {{impact}}',
      'Commander: {{commander}}',
      'Next update by {{next_update}}.',
    ].join('\n'),
  },
  {
    audience: 'external',
    text: [
      'We are investigating an issue affecting {{services}}.',
      '{{impact}}',
      'Current status: {{status}}. We will post the next update by {{next_update}}.',
    ].join('\n'),
  },
];

export function incidentSettings(settings: Settings): IncidentSettings {
  return {
    severities: readJson(settings.get(SEVERITIES_KEY)) ?? DEFAULT_SEVERITIES,
    templates: readJson(settings.get(TEMPLATES_KEY)) ?? DEFAULT_TEMPLATES,
  };
}

export function updateIncidentSettings(settings: Settings, change: Partial<IncidentSettings>): void {
  if (change.severities) settings.set(SEVERITIES_KEY, JSON.stringify(change.severities));
  if (change.templates) {
    const merged = DEFAULT_TEMPLATES.map((template) => change.templates?.find((t) => t.audience === template.audience) ?? template);
    settings.set(TEMPLATES_KEY, JSON.stringify(merged));
  }
}

function readJson<T>(value: string | undefined): T | undefined {
  return value === undefined ? undefined : (JSON.parse(value) as T);
}
