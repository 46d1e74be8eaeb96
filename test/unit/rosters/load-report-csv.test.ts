import { describe, expect, it } from 'vitest';
import { loadReportCsv } from '../../../src/shared/load-report-csv';

describe('the on-call load report as CSV', () => {
  it('has one row a person, hours with two decimals, and names a spreadsheet reads as text', () => {
    const csv = loadReportCsv([
      { person: { name: 'Lima, Ana', handle: 'ana' }, businessHours: 8, offHours: 7.5, sleepHours: 1 / 3, totalHours: 15.8333 },
      { person: { name: '=HYPERLINK("x")', handle: 'eve' }, businessHours: 0, offHours: 0, sleepHours: 0, totalHours: 0 },
    ]);
    expect(csv.split('\r\n')).toEqual([
      'handle,name,business_hours,off_hours,sleep_hours,total_hours',
      'ana,"Lima, Ana",8.00,7.50,0.33,15.83',
      `eve,"'=HYPERLINK(""x"")",0.00,0.00,0.00,0.00`,
      '',
    ]);
  });
});
