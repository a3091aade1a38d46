import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { htmlTable } from './html-table.js';
import { inProcess } from './in-process.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-plan-underlying-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// The example has local authority contributions too (funding.csv's and the agreement's).
const ROW =
  'Underlying in-year position (before Safety Valve payments, the write-off grant and local authority contributions)';

describe("the DSG plan's underlying in-year position when the map adds Safety Valve payments to other income", () => {
  it("is the summary's figure itself, rounded as the summary rounds it: the plan has no row of Safety Valve payments alone to take away", async () => {
    const model = path.join(scratch, 'model');
    cpSync('fixtures/example', model, { recursive: true });
    writeFileSync(
      path.join(model, 'dsg-plan-map.csv'),
      [
        'kind,id,category',
        'income,income_hnb,High needs block allocation (before deductions)',
        'income,income_safety_valve,Other grants and contributions',
        'income,income_other,Other grants and contributions',
        '',
      ].join('\n'),
    );
    const out = path.join(scratch, 'plan.html');
    const run = await inProcess(['report', model, '--scenarios', 'safety-valve', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const plan = htmlTable(
      readFileSync(out, 'utf8'),
      'Financial summary, £: Mitigated, with a Safety Valve',
    );
    const csv = await inProcess([
      'project',
      model,
      '--scenario',
      'safety-valve',
      '--format',
      'csv',
    ]);
    const figures = csv.stdout
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',').at(-1)!);
    const pounds = (text: string) =>
      `${text.startsWith('-') ? '-' : ''}£${Number(text.replace('-', '')).toLocaleString('en-GB', { minimumFractionDigits: 2 })}`;
    expect(plan.find((r) => r[0] === 'Other grants and contributions')).toBeDefined();
    expect(plan.find((r) => r[0] === ROW)!.slice(1)).toEqual(figures.map(pounds));
  });
});
