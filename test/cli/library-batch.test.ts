import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { printBatch, projectModel, runBatch } from '../../src/index.js';
import { renderCsv } from '../../src/report/csv.js';
import {
  renderBatchSummary,
  renderNational,
  renderPrintedSummary,
} from '../../src/report/batch-csv.js';
import { SUMMARY_COLUMNS, summaryRows } from '../../src/report/rows.js';
import { ROOT } from '../helpers/exec.js';
import { cli } from '../helpers/run-cli.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-library-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("library API: projectModel and runBatch give the CLI's figures", () => {
  it('projectModel(dir) is `highneeds project dir`', () => {
    const { projection, issues } = projectModel(path.join(ROOT, 'fixtures/example'));
    expect(issues).toEqual([]);
    expect(renderCsv(SUMMARY_COLUMNS, summaryRows(projection!))).toBe(
      readFileSync(path.join(ROOT, 'test/golden/example.csv'), 'utf8'),
    );
  });

  it('projectModel(dir, { scenario }) is `highneeds project dir --scenario`', async () => {
    const { projection } = projectModel(path.join(ROOT, 'fixtures/example'), {
      scenario: 'safety-valve',
    });
    expect(renderCsv(SUMMARY_COLUMNS, summaryRows(projection!))).toBe(
      (await cli(['project', 'fixtures/example', '--scenario', 'safety-valve', '--format', 'csv']))
        .stdout,
    );
  });

  it('projectModel returns issues instead of throwing', () => {
    const broken = projectModel(path.join(ROOT, 'fixtures/errors/UNKNOWN_NEED'));
    expect(broken.projection).toBeUndefined();
    expect(broken.issues.map((issue) => issue.code)).toEqual(['UNKNOWN_NEED']);
    expect(
      projectModel(path.join(ROOT, 'fixtures/example'), { scenario: 'nope' }).issues.map(
        (issue) => issue.code,
      ),
    ).toEqual(['UNKNOWN_SCENARIO']);
  });

  it('runBatch(dir) gives the rows and totals of `highneeds batch`, on one thread or two', async () => {
    const outDir = path.join(scratch, 'out');
    expect(
      (await cli(['batch', 'fixtures/national', '--out-dir', outDir, '--quiet', '--jobs', '1']))
        .code,
    ).toBe(0);
    for (const jobs of [1, 2]) {
      const result = await runBatch(path.join(ROOT, 'fixtures/national'), { jobs });
      expect(result.areas.map((area) => [area.code, area.failed])).toEqual([
        ['N01', false],
        ['N02', false],
        ['N03', false],
        ['N04', false],
      ]);
      expect(renderBatchSummary(result.rows)).toBe(
        readFileSync(path.join(outDir, 'summary.csv'), 'utf8'),
      );
      // The CLI writes summary.csv from the rows as the workers printed them: the same bytes.
      expect(renderPrintedSummary(printBatch(result).printed)).toBe(
        readFileSync(path.join(outDir, 'summary.csv'), 'utf8'),
      );
      expect(renderNational(printBatch(result).national)).toBe(
        readFileSync(path.join(outDir, 'national.csv'), 'utf8'),
      );
    }
  });
});

describe("a national model's text garbled by a wrong character set", () => {
  it("is reported for the area whose row holds it, at the cell, as a model folder's table would be", async () => {
    const dir = path.join(scratch, 'garbled');
    cpSync(path.join(ROOT, 'fixtures/national'), dir, { recursive: true });
    const funding = readFileSync(path.join(dir, 'funding.csv'), 'utf8').replace(
      'N01,2026-27,hnb_allocation,1600000.00,',
      'N01,2026-27,hnb_allocation,1600000.00,Â£1.6m from the DfE table',
    );
    writeFileSync(path.join(dir, 'funding.csv'), funding);
    const batch = await runBatch(dir, { jobs: 1 });
    const n01 = batch.areas.find((area) => area.code === 'N01')!;
    expect(
      n01.issues.map((issue) => [issue.code, issue.location?.line, issue.location?.column]),
    ).toEqual([['TEXT_MANGLED', 3, 5]]);
    expect(
      batch.areas.filter((area) => area.code !== 'N01').flatMap((area) => area.issues),
    ).toEqual([]);
  });
});
