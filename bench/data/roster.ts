import fs from 'node:fs';
import { stringify } from 'yaml';
import type { Random } from '../random';

export interface RosterScale {
  people: number;
  schedules: number;
  overrides: number;
}

export interface GeneratedRoster {
  file: string;
  teams: { name: string; services: string[]; schedules: string[] }[];
  people: { handle: string; name: string }[];
}

const ZONES = ['America/New_York', 'America/Chicago', 'America/Los_Angeles', 'America/Sao_Paulo', 'Europe/London', 'Europe/Berlin', 'Europe/Paris', 'Asia/Kolkata', 'Asia/Singapore', 'Asia/Tokyo', 'Australia/Sydney', 'Pacific/Auckland'];
const SYLLABLES = ['an', 'bo', 'chen', 'da', 'el', 'fa', 'gi', 'ha', 'ir', 'jo', 'ka', 'li', 'mo', 'na', 'ol', 'pe', 'ra', 'sa', 'ti', 'ul', 'va', 'wen', 'xi', 'ya', 'zo', 'mar', 'lin', 'tor', 'sen', 'kai'];

/**
 * A roster file in Holdfast's YAML format: people in a dozen zones, teams that
 * own the runbooks' services, two schedules per team with two or three layers
 * (a weekly rotation, business-hours cover, and sometimes a follow-the-sun
 * night layer), overrides spread over the year, and an escalation policy per team.
 */
export function generateRoster(scale: RosterScale, services: string[], yearStart: Date, file: string, random: Random): GeneratedRoster {
  const people = Array.from({ length: scale.people }, (_, i) => {
    const first = capitalize(word(random, 2));
    const last = capitalize(word(random, 3));
    return { handle: `${first.toLowerCase()}.${last.toLowerCase()}.${i}`, name: `${first} ${last}`, time_zone: random.pick(ZONES), contacts: [{ phone: `+1 555 ${String(1000 + i).padStart(4, '0')}` }, { email: `p${i}@example.com` }] };
  });
  const teamCount = Math.max(1, Math.round(scale.schedules / 2));
  const overridesPerSchedule = scale.overrides / scale.schedules;
  const start = yearStart.toISOString().slice(0, 10);
  const yearMs = 365 * 86_400_000;
  const teams = Array.from({ length: teamCount }, (_, t) => {
    const name = `Team ${capitalize(word(random, 2))} ${t + 1}`;
    const owned = services.filter((_, s) => s % teamCount === t);
    const members = Array.from({ length: random.int(6, 12) }, () => random.pick(people).handle);
    const unique = [...new Set(members)];
    const zone = random.pick(ZONES);
    const schedules = ['primary', 'secondary'].map((kind, s) => {
      const layers: Record<string, unknown>[] = [
        { name: 'Weekly', members: random.shuffle([...unique]), shift: '1 week', handoff: '09:00', handoff_day: 'monday', start },
        {
          name: 'Business hours',
          members: random.shuffle([...unique]).slice(0, 3),
          shift: '1 day',
          handoff: '09:00',
          start,
          restrictions: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' }],
        },
      ];
      if (random.chance(0.5)) layers.push({ name: 'Nights', members: random.shuffle([...unique]).slice(0, 4), shift: '12 hours', handoff: '08:00', start, restrictions: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: '20:00', to: '08:00' }] });
      // Overrides cover a few hours to a few days each, one per slot of the year so none overlap.
      const count = Math.round(overridesPerSchedule * (t * 2 + s + 1)) - Math.round(overridesPerSchedule * (t * 2 + s));
      const slot = yearMs / Math.max(1, count);
      const overrides = Array.from({ length: count }, (_, o) => {
        const from = yearStart.getTime() + o * slot + random.float() * slot * 0.5;
        const hours = random.pick([4, 8, 12, 24, 48, 72]);
        const to = Math.min(from + hours * 3_600_000, yearStart.getTime() + (o + 1) * slot - 60_000);
        return { person: random.pick(unique), start: iso(from), end: iso(to), note: 'Covering a shift' };
      });
      return { name: `${name} ${kind}`, time_zone: zone, layers, overrides };
    });
    return {
      name,
      services: owned,
      schedules,
      escalation_policies: [
        {
          name: `${name} escalation`,
          repeat: 1,
          levels: [
            { wait_minutes: 15, targets: [{ schedule: schedules[0]?.name }] },
            { wait_minutes: 15, targets: [{ schedule: schedules[1]?.name }] },
            { wait_minutes: 30, targets: [{ person: unique[0] }] },
          ],
        },
      ],
    };
  });
  fs.writeFileSync(file, stringify({ people, teams }, { lineWidth: 0 }));
  return {
    file,
    teams: teams.map((team) => ({ name: team.name, services: team.services, schedules: team.schedules.map((s) => s.name) })),
    people: people.map(({ handle, name }) => ({ handle, name })),
  };
}

const iso = (ms: number) => new Date(Math.round(ms / 60_000) * 60_000).toISOString().replace('.000Z', 'Z');
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const word = (random: Random, syllables: number) => Array.from({ length: random.int(1, syllables) }, () => random.pick(SYLLABLES)).join('');
