import { Document, isScalar, isSeq, visit } from 'yaml';

const FLOW_LISTS = new Set(['services', 'members', 'days']);
const CLOCK_KEYS = new Set(['handoff', 'from', 'to', 'phone', 'sms']);
import type { Roster } from '../../shared/rosters';

/** The store's roster as the YAML file format of docs/roster-format.md; the same roster gives the same text. */
export function rosterToYaml(roster: Roster): string {
  const file = {
    people: roster.people.map((person) => ({
      handle: person.handle,
      name: person.name,
      time_zone: person.timeZone,
      ...(person.contacts.length ? { contacts: person.contacts.map((c) => ({ [c.kind]: c.value })) } : {}),
    })),
    teams: roster.teams.map((team) => {
      const schedules = roster.schedules.filter((schedule) => schedule.team === team.name);
      const policies = roster.escalationPolicies.filter((policy) => policy.team === team.name);
      return {
        name: team.name,
        ...(team.services.length ? { services: team.services } : {}),
        ...(schedules.length
          ? {
              schedules: schedules.map((schedule) => {
                const overrides = roster.overrides.filter((o) => o.schedule === schedule.name);
                return {
                  name: schedule.name,
                  time_zone: schedule.timeZone,
                  layers: schedule.layers.map((layer) => ({
                    name: layer.name,
                    members: layer.members,
                    shift: `${layer.shiftLength} ${layer.shiftLength === 1 ? layer.shiftUnit.replace(/s$/, '') : layer.shiftUnit}`,
                    handoff: layer.handoffTime,
                    ...(layer.handoffDay ? { handoff_day: layer.handoffDay } : {}),
                    start: layer.startDate,
                    ...(layer.restrictions.length
                      ? { restrictions: layer.restrictions.map((r) => ({ days: r.days, from: r.start, to: r.end })) }
                      : {}),
                  })),
                  ...(overrides.length
                    ? { overrides: overrides.map((o) => ({ person: o.person, start: o.start, end: o.end, ...(o.note ? { note: o.note } : {}) })) }
                    : {}),
                };
              }),
            }
          : {}),
        ...(policies.length
          ? {
              escalation_policies: policies.map((policy) => ({
                name: policy.name,
                repeat: policy.repeat,
                levels: policy.levels.map((level) => ({ wait_minutes: level.waitMinutes, targets: level.targets })),
              })),
            }
          : {}),
      };
    }),
  };
  const document = new Document(file);
  // Short lists read best on one line; clock times are quoted so YAML 1.1 readers cannot take 09:00 for a number.
  visit(document, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (FLOW_LISTS.has(key) && isSeq(pair.value)) pair.value.flow = true;
      if (CLOCK_KEYS.has(key) && isScalar(pair.value)) pair.value.type = 'QUOTE_DOUBLE';
    },
  });
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}
