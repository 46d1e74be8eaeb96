import { STANDARD_ROLES, type Incident } from '../../../../shared/incidents';

export const ROLE_LABELS: Record<string, string> = {
  commander: 'Incident commander',
  operations: 'Operations lead',
  communications: 'Communications lead',
  scribe: 'Scribe',
};

export const roleLabel = (role: string): string => ROLE_LABELS[role] ?? role.charAt(0).toUpperCase() + role.slice(1);

/** The four standard roles, then any custom ones the incident has. */
export const incidentRoles = (incident: Incident): string[] => [
  ...STANDARD_ROLES,
  ...incident.roles.map((assignment) => assignment.role).filter((role) => !(STANDARD_ROLES as readonly string[]).includes(role)),
];
