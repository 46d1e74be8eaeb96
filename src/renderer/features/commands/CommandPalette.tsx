import { useId, useState } from 'react';
import { useOp } from '../../api/queries';
import { shortcutLabel } from '../../app/keymap';
import { navigate } from '../../app/route';
import { Dialog } from '../../components/Dialog';
import { Listbox, optionId } from '../../components/Listbox';
import { useTypedSearch } from '../../components/typing-gate';
import { openIncidents, useIncidentList } from '../incidents/queries';
import { matchCommands } from './commands';
import { closeOverlay } from './store';

interface Choice {
  key: string;
  kind: 'Command' | 'Incident' | 'Runbook';
  title: string;
  detail?: string;
  shortcut?: string;
  run: () => void;
}

const RUNBOOK_LIMIT = 8;

/** Ctrl+K / Cmd+K: type a few letters, pick with the arrows, Enter runs it. */
export function CommandPalette() {
  const [query, setQuery] = useState('');
  const [cursor, setCursor] = useState(0);
  const incidents = useIncidentList().data;
  const listId = useId();
  const { searched, type } = useTypedSearch();
  const trimmed = searched.trim();
  const hits = useOp('searchRunbooks', { query: trimmed, limit: RUNBOOK_LIMIT }, { enabled: trimmed !== '' });

  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  // Only the answer for what is typed now: a runbook for an earlier word is never offered.
  const runbooks = query.trim() !== '' && trimmed === query.trim() ? (hits.data ?? []) : [];
  const choices: Choice[] = [
    ...matchCommands(query).map((command) => ({
      key: `command:${command.id}`,
      kind: 'Command' as const,
      title: command.title,
      detail: command.group,
      ...(command.shortcut ? { shortcut: shortcutLabel(command.shortcut) } : {}),
      run: command.run,
    })),
    ...openIncidents(incidents)
      .filter((incident) => words.every((word) => `#${incident.id} ${incident.title} ${incident.services.join(' ')}`.toLowerCase().includes(word)))
      .map((incident) => ({
        key: `incident:${incident.id}`,
        kind: 'Incident' as const,
        title: `#${incident.id} ${incident.title}`,
        detail: `${incident.drill ? 'DRILL · ' : ''}${incident.severity} · ${incident.status}`,
        run: () => navigate({ screen: 'incident', id: incident.id }),
      })),
    ...runbooks.map((hit) => ({
      key: `runbook:${hit.id}`,
      kind: 'Runbook' as const,
      title: hit.title,
      detail: hit.services.join(', '),
      run: () => navigate({ screen: 'runbook', id: hit.id }),
    })),
  ];
  const active = Math.min(cursor, Math.max(0, choices.length - 1));

  const choose = (choice: Choice | undefined) => {
    if (!choice) return;
    closeOverlay();
    choice.run();
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const delta = event.key === 'ArrowDown' ? 1 : -1;
      setCursor(choices.length === 0 ? 0 : (active + delta + choices.length) % choices.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(choices[active]);
    }
  };

  const noMatch = <li className="palette-empty muted">Nothing matches “{query}”.</li>;
  return (
    <Dialog
      title="Command palette"
      className="palette"
      onClose={closeOverlay}
      actions={<p className="palette-hint muted">↑ ↓ to choose · Enter to run · Esc to close</p>}
    >
      <input
        type="text"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={choices[active] ? optionId(listId, active) : undefined}
        aria-label="Command, incident or runbook"
        placeholder="Type a command, an incident or a runbook…"
        className="palette-input"
        value={query}
        autoComplete="off"
        spellCheck={false}
        data-autofocus
        onChange={(event) => {
          setQuery(event.target.value);
          type(event.target.value);
          setCursor(0);
        }}
        onKeyDown={onKeyDown}
      />
      <Listbox id={listId} label="Matches" className="palette-list" optionClassName="palette-option" items={choices} itemKey={(choice) => choice.key} active={active} onPick={choose} onHover={setCursor} empty={noMatch}>
        {(choice) => (
          <>
            <span className="palette-kind">{choice.kind}</span>
            <span className="palette-title">{choice.title}</span>
            {choice.detail && <span className="palette-detail muted">{choice.detail}</span>}
            {choice.shortcut && <kbd className="palette-shortcut">{choice.shortcut}</kbd>}
          </>
        )}
      </Listbox>
    </Dialog>
  );
}
