import { copyFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/issue.js';
import { FUNDING_COLUMNS, readFunding } from '../../src/io/read-ledger.js';
import { readSpend, SPEND_COLUMNS } from '../../src/io/read-spend.js';
import { loadModel } from '../../src/io/model-folder.js';
import { ROOT } from '../helpers/exec.js';
import { csv } from '../helpers/io-tables.js';

/** The bad inputs of issue 16 that reuse existing codes: each located, each alone. */
const YEARS = { first: 2026, last: 2028 };
const where = (issue: Issue) =>
  `${issue.location?.file}:${issue.location?.line}:${issue.location?.column ?? ''}`;

function funding(...lines: string[]): Issue[] {
  const issues: Issue[] = [];
  readFunding(
    csv(
      'funding.csv',
      FUNDING_COLUMNS,
      'financial_year,line,amount',
      '2025-26,opening_balance,0',
      ...lines,
    ),
    YEARS,
    issues,
  );
  return issues;
}

describe('funding.csv: deductions and import/export', () => {
  it('reads hnb_deductions (positive) and import_export (signed) without complaint', () => {
    expect(
      funding(
        '2026-27,hnb_allocation,1000',
        '2026-27,hnb_deductions,100',
        '2026-27,import_export,-50',
      ),
    ).toEqual([]);
  });

  it('refuses negative hnb_deductions: NEGATIVE_VALUE at the amount', () => {
    const issues = funding('2026-27,hnb_allocation,1000', '2026-27,hnb_deductions,-100');
    expect(issues.map((i) => [i.code, where(i)])).toEqual([['NEGATIVE_VALUE', 'funding.csv:4:3']]);
  });

  it('refuses import_export twice for a year: DUPLICATE_ROW at the second', () => {
    const issues = funding(
      '2026-27,hnb_allocation,1000',
      '2026-27,import_export,10',
      '2026-27,import_export,20',
    );
    expect(issues.map((i) => [i.code, where(i), i.message])).toEqual([
      ['DUPLICATE_ROW', 'funding.csv:5:1', 'import_export is already given on line 4 for 2026-27'],
    ]);
  });

  it('refuses a spend line with a hint pointing to spend.csv', () => {
    const issues = funding('2026-27,hnb_allocation,1000', '2026-27,SEN support services,20');
    expect(issues.map((i) => i.code)).toEqual(['UNKNOWN_FUNDING_LINE']);
    expect(issues[0]!.hint).toContain('spend.csv');
  });
});

describe('spend.csv', () => {
  const read = (...lines: string[]) => {
    const issues: Issue[] = [];
    const rows = readSpend(
      csv('spend.csv', SPEND_COLUMNS, 'financial_year,line,amount,s251,growth', ...lines),
      YEARS,
      issues,
    );
    return { rows, issues };
  };

  it('reads lines with their s251 code and growth', () => {
    const { rows, issues } = read('2026-27,hospital education,250000,1.2.8,0.02');
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.line, r.s251, r.amount.toFixed(2), r.growth?.toFixed()])).toEqual([
      ['hospital education', '1.2.8', '250000.00', '0.02'],
    ]);
  });

  it('refuses a line twice in a year: DUPLICATE_ROW at the second', () => {
    const { issues } = read('2026-27,therapies,1000,,', '2026-27,therapies,2000,,');
    expect(issues.map((i) => [i.code, where(i), i.message])).toEqual([
      [
        'DUPLICATE_ROW',
        'spend.csv:3:1',
        'spend line "therapies" is already given on line 2 for 2026-27',
      ],
    ]);
  });
});

describe('model.json and the policy file: the override end and deficit financing', () => {
  const withManifest = (edit: (manifest: Record<string, unknown>) => void): string => {
    const dir = mkdtempSync(path.join(tmpdir(), 'highneeds-money-'));
    cpSync(path.join(ROOT, 'fixtures/errors/_valid'), dir, { recursive: true });
    const file = path.join(dir, 'model.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    edit(manifest);
    writeFileSync(file, JSON.stringify(manifest));
    return dir;
  };

  it('takes the override end from policy/statutory-override.json (2027-28), listed among the inputs', () => {
    const loaded = loadModel(withManifest(() => {}));
    expect(loaded.model?.overrideEnd).toBe(2027);
    expect(loaded.inputs.map((i) => i.path)).toContain('policy/statutory-override.json');
  });

  it("model.json's overrideEnd and deficitFinancing replace and add to it", () => {
    const loaded = loadModel(
      withManifest((m) => {
        m['overrideEnd'] = '2029-30';
        m['deficitFinancing'] = { rate: '0.045' };
        m['assumptions'] = { ...(m['assumptions'] as object), otherSpendGrowth: '0.02' };
      }),
    );
    expect(loaded.issues).toEqual([]);
    expect(loaded.model?.overrideEnd).toBe(2029);
    expect(loaded.model?.deficitFinancing?.rate.toFixed()).toBe('0.045');
    expect(loaded.model?.assumptions.otherSpendGrowth?.toFixed()).toBe('0.02');
  });

  it('reads a policy folder given instead: a misspelt field there is located, never ignored', () => {
    const policyDir = mkdtempSync(path.join(tmpdir(), 'highneeds-policy-'));
    const text = readFileSync(path.join(ROOT, 'policy/statutory-override.json'), 'utf8');
    copyFileSync(
      path.join(ROOT, 'policy/schools-forum-transfer-limit.json'),
      path.join(policyDir, 'schools-forum-transfer-limit.json'),
    );
    writeFileSync(
      path.join(policyDir, 'statutory-override.json'),
      text.replace(
        '"overrideEnd": "2027-28",\n  "status"',
        '"overrideEnd": "2028-29",\n  "stauts"',
      ),
    );
    const loaded = loadModel(
      withManifest(() => {}),
      { policyDir },
    );
    expect(loaded.issues.map((i) => i.code)).toEqual(['MISSING_VALUE', 'UNKNOWN_KEY']);
  });
});
