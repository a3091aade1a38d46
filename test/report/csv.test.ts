import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import { neutraliseText, renderCsv } from '../../src/report/csv.js';

describe('spreadsheet-safe CSV', () => {
  it('neutralises text cells that a spreadsheet would run as a formula', () => {
    for (const text of ['=HYPERLINK("http://x","y")', '+1', '-1+1', '@SUM(A1)', '\tx', '\rx'])
      expect(neutraliseText(text)).toBe(`'${text}`);
    expect(neutraliseText('Example Borough')).toBe('Example Borough');
  });

  it('keeps figures plain, negative ones included, and quotes what needs quoting', () => {
    const csv = renderCsv(
      ['area_name', 'in_year_balance'],
      [{ area_name: '=HYPERLINK("http://evil","Click")', in_year_balance: new Dec('-123.454') }],
    );
    expect(csv).toBe(
      'area_name,in_year_balance\n"\'=HYPERLINK(""http://evil"",""Click"")",-123.45\n',
    );
  });
});

describe('one row per line', () => {
  // Found by the house-style review: csv-stringify at LF line ends left a lone CR bare, which every
  // CSV reader of this tool, as Excel, takes for a line end, so the row came back as two.
  it('a text cell holding a lone CR (an area name from model.json) is quoted, as one with LF is', () => {
    const csv = renderCsv(['area_name', 'n'], [{ area_name: 'Example\rBorough', n: new Dec(1) }]);
    expect(csv).toBe('area_name,n\n"Example\rBorough",1.00\n');
    const lines = renderCsv(['area_name'], [{ area_name: 'a\nb' }, { area_name: 'c\r\nd' }]);
    expect(lines).toBe('area_name\n"a\nb"\n"c\r\nd"\n');
  });
});

describe('spreadsheet-safe CSV through the CLI', () => {
  it('an area name =HYPERLINK(...) from model.json comes out neutralised', async () => {
    const { cpSync, mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { ROOT } = await import('../helpers/exec.js');
    const { cli } = await import('../helpers/run-cli.js');
    const dir = mkdtempSync(path.join(tmpdir(), 'highneeds-csv-'));
    cpSync(path.join(ROOT, 'fixtures/worked-example'), dir, { recursive: true });
    const manifest = readFileSync(path.join(dir, 'model.json'), 'utf8').replace(
      '"name": "Worked Example"',
      '"name": "=HYPERLINK(\\"http://evil.invalid\\",\\"Click\\")"',
    );
    writeFileSync(path.join(dir, 'model.json'), manifest);
    const result = await cli(['project', dir, '--format', 'csv']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[1]).toBe(
      'W01,"\'=HYPERLINK(""http://evil.invalid"",""Click"")",2026-27,20.00,209200.00,91666.67,300866.67,300000.00,0.00,0.00,0.00,0.00,300000.00,-866.67,-100866.67,0.00,0.00,0.00,0.00,-866.67',
    );
  });
});
