import { migration001 } from './001-runbooks';
import { migration002 } from './002-runbook-authoring';
import { migration003 } from './003-rosters';
import { migration004 } from './004-incidents';
import { migration005 } from './005-postmortems';
import { migration006 } from './006-incident-search';
import { migration007 } from './007-drills';
import { migration008 } from './008-lookup-indexes';
import { migration009 } from './009-runbook-names';
import { migration010 } from './010-prose-steps';
import { migration011 } from './011-changes';
import { migration012 } from './012-slos';
import { migration013 } from './013-slo-hours';
import { migration014 } from './014-sync-uids';
import { migration015 } from './015-event-actor-handle';
import { migration016 } from './016-slo-bucket-hours';
import type { Migration } from './types';

/** Every migration, in ascending order. Append only: a released migration is never edited. */
export const migrations: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
  migration014,
  migration015,
  migration016,
];

export const LATEST_SCHEMA_VERSION = migrations.at(-1)?.version ?? 0;
