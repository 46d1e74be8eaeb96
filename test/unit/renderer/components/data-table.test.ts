import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DataTable } from '../../../../src/renderer/components/DataTable';

interface Change {
  id: number;
  title: string;
  late: boolean;
}

const rows: Change[] = [
  { id: 7, title: 'Rotate the TLS certificates', late: false },
  { id: 8, title: 'Upgrade Postgres', late: true },
];

const render = (withActions: boolean) =>
  renderToStaticMarkup(
    createElement(DataTable<Change>, {
      className: 'changes-table',
      rows,
      rowKey: (row) => row.id,
      rowHeader: 1,
      rowProps: (row) => (row.late ? { className: 'late', 'data-id': row.id } : { 'data-id': row.id }),
      columns: [
        { header: '#', cell: (row) => row.id },
        { header: 'Change', cell: (row) => row.title },
        withActions && { header: 'Actions', hideHeader: true, cell: () => 'Edit' },
      ],
    }),
  );

describe('DataTable', () => {
  it('heads each row with the column it is told, so a screen reader names the row by its title, not its number', () => {
    const html = render(false);
    expect(html).toContain('<td>7</td><th scope="row">Rotate the TLS certificates</th>');
    expect(html).toContain('<td>8</td><th scope="row">Upgrade Postgres</th>');
  });

  it('leaves out a column given as false, and keeps a hidden header for screen readers', () => {
    expect(render(false)).not.toContain('Actions');
    expect(render(true)).toContain('<th scope="col"><span class="visually-hidden">Actions</span></th>');
    expect(render(true)).toContain('<td>Edit</td>');
  });

  it('puts what a row carries on the row: its class and data attributes', () => {
    const html = render(false);
    expect(html).toContain('<tr data-id="7">');
    expect(html).toContain('<tr class="late" data-id="8">');
  });
});
