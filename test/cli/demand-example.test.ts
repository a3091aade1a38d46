import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';

/*
 * fixtures/demand-example run by the built binary: a need change, new plans per head of population
 * and capacity overflow in one model (docs/methodology.md, "Demand examples"). The expected figures
 * are the sums of the three hand-worked examples, rechecked in exact decimals, not the program's output.
 */
describe('highneeds project fixtures/demand-example', () => {
  it('the summary, to the penny', async () => {
    const { code, stdout, stderr } = await cli([
      'project',
      'fixtures/demand-example',
      '--format',
      'csv',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'area_code,area_name,financial_year,pupils_january,spend_top_up,spend_place,spend_total,income_hnb,income_transfer,income_safety_valve,income_other,income_write_off,income_total,in_year_balance,cumulative_balance,spend_other,income_hnb_deductions,income_import_export,general_fund_financing,underlying_in_year_balance',
        'D01,Demand Example,2026-27,39.00,364500.00,119166.67,483666.67,480000.00,0.00,0.00,0.00,0.00,480000.00,-3666.67,-253666.67,0.00,0.00,0.00,0.00,-3666.67',
        'D01,Demand Example,2027-28,45.20,562450.00,145833.33,708283.33,504000.00,0.00,0.00,0.00,0.00,504000.00,-204283.33,-457950.00,0.00,0.00,0.00,0.00,-204283.33',
        '',
      ].join('\n'),
    );
  });

  it('the headline: no in-year balance, and the deficit still open when the statutory override ends', async () => {
    const { code, stdout } = await cli(['project', 'fixtures/demand-example', '--format', 'table']);
    expect(code).toBe(0);
    expect(stdout).toContain(
      'no in-year balance by 2027-28; cumulative deficit of £457,950.00 at the end of 2027-28\n',
    );
    expect(stdout).toContain(
      'cumulative deficit of £457,950.00 still open at the end of 2027-28, when the statutory override ends\n',
    );
  });

  it('by setting (--detail): the overflowed new plans are in independent, at 50,000 a year', async () => {
    const { code, stdout } = await cli([
      'project',
      'fixtures/demand-example',
      '--format',
      'csv',
      '--detail',
    ]);
    expect(code).toBe(0);
    const [header, ...lines] = stdout.trimEnd().split('\n');
    const columns = header!.split(',');
    const rows = lines.map((line) =>
      Object.fromEntries(line.split(',').map((value, i) => [columns[i]!, value])),
    );
    const pick = ['financial_year', 'setting', 'pupils_january', 'spend_top_up', 'spend_place'];
    expect(rows.map((row) => pick.map((column) => row[column]).join(','))).toEqual([
      '2026-27,mainstream,22.00,127000.00,0.00',
      '2026-27,special,14.00,150000.00,119166.67',
      '2026-27,independent,3.00,87500.00,0.00',
      '2027-28,mainstream,24.20,139700.00,0.00',
      '2027-28,special,15.00,185250.00,145833.33',
      '2027-28,independent,6.00,237500.00,0.00',
    ]);
  });
});
