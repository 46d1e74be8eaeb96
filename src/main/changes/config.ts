import { READABLE } from '../../shared/issue-words';
import { ChangeRulesConfig, DEFAULT_CHANGE_RULES } from '../../shared/changes';
import { validationError } from '../errors';

/**
 * The rules' configuration: the documented defaults with a workspace's own
 * settings laid over them, at any depth (`{ "tieredRelease": { "minTiers": {
 * "high": 4 } } }` changes that one number). A bad setting is refused with its
 * path named.
 */
export function rulesConfig(overrides: unknown = {}): ChangeRulesConfig {
  const result = ChangeRulesConfig.safeParse(laidOver(DEFAULT_CHANGE_RULES, overrides), READABLE);
  if (!result.success) throw validationError(result.error);
  return result.data;
}

function laidOver(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) out[key] = laidOver(base[key], value);
  return out;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
