import { describe, expect, it } from 'vitest';
import { bestSectionFor, type StoredSection } from '../../../src/main/runbooks/best-section';
import { queryTerms } from '../../../src/main/runbooks/search-query';

const sections: StoredSection[] = [
  { rowid: 1, sectionId: null, title: '', text: 'Kafka brokers keep the queue.' },
  { rowid: 2, sectionId: 'diagnosis', title: 'Diagnosis', text: 'Check the broker metrics; a slow disk shows as lag on the Kafka broker.' },
  { rowid: 3, sectionId: 'mitigation', title: 'Mitigation', text: 'Restart the broker. Restart the broker again if the disk is still full.' },
  { rowid: 4, sectionId: 'disk-full', title: 'Disk full', text: 'Free space on the data volume.' },
];

const best = (query: string, from = sections) => bestSectionFor(queryTerms(query))(from);

describe("a search hit's best section, from its own sections", () => {
  it('is the section holding the most of the words, with a snippet that marks them', () => {
    expect(best('kafka metrics')).toEqual({
      sectionId: 'diagnosis',
      title: 'Diagnosis',
      snippet: 'Check the broker <mark>metrics</mark>; a slow disk shows as lag on the <mark>Kafka</mark> broker.',
    });
  });

  it('counts a word of the heading above the same word in the text', () => {
    expect(best('disk')?.sectionId).toBe('disk-full');
    // The heading holds the word but the text does not: no snippet to show from the section.
    expect(best('disk')?.snippet).toBe('');
  });

  it('reads the last word as a prefix while it is typed, a phrase as words in a row, case and accents aside', () => {
    expect(best('restart bro')).toMatchObject({ sectionId: 'mitigation', snippet: '<mark>Restart</mark> the <mark>broker</mark>. <mark>Restart</mark> the <mark>broker</mark> again if the disk is still full.' });
    expect(best('"slow disk"')?.snippet).toContain('a <mark>slow disk</mark> shows');
    expect(best('"disk slow"')).toBeNull();
    expect(best('brokers ')?.sectionId).toBeNull(); // whole word: only the first section has "brokers"
    expect(best('KAFKA', [{ rowid: 9, sectionId: 'x', title: 'Café', text: 'Le kafka du café' }])?.snippet).toBe('Le <mark>kafka</mark> du café');
    expect(best('cafe ', [{ rowid: 9, sectionId: 'x', title: 'Notes', text: 'Le kafka du café' }])?.snippet).toBe('Le kafka du <mark>café</mark>');
  });

  it('cuts a long text to sixteen words around the matches, and says where it cut', () => {
    const text = `${'word '.repeat(40)}the needle is here ${'more '.repeat(40)}`;
    const hit = best('needle', [{ rowid: 1, sectionId: 's', title: 'S', text }]);
    expect(hit?.snippet).toMatch(/^…word the <mark>needle<\/mark> is here( more){11}…$/);
  });

  it('is none when no section holds the words (they were in the title or tags)', () => {
    expect(best('orders ')).toBeNull();
    expect(best('zebra')).toBeNull();
  });
});
