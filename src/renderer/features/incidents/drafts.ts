import { useEffect, useState } from 'react';

/**
 * Text being typed (a note, a status update) is kept in this tab's
 * sessionStorage, so a reload does not lose it. Everything that matters is in
 * the store; this is only what has not been sent yet.
 */
export function useDraft(key: string, initial = ''): [string, (value: string) => void] {
  const storageKey = `holdfast.draft.${key}`;
  const [value, setValue] = useState(() => read(storageKey) ?? initial);
  useEffect(() => {
    try {
      if (value === '') sessionStorage.removeItem(storageKey);
      else sessionStorage.setItem(storageKey, value);
    } catch {
      // Storage full or disabled: the draft simply lives in memory.
    }
  }, [storageKey, value]);
  return [value, setValue];
}

function read(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}
