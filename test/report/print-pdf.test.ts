import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stackedBars } from '../../src/report/svg/stacked-bars.js';
import { exampleReport } from '../helpers/example-report.js';
import { CHROMIUM, chromium } from './chromium.js';

/*
 * Found printing the example's report to PDF in Chromium: 12.7 MB for 22 pages, 11.6 MB of it the
 * stacked bars' pattern fills, which Chromium tiles over the whole chart for every shape it fills
 * (67 KB a bar or legend swatch). Each pattern-filled shape is now clipped to itself, so its
 * tiles cover it alone: 1.3 MB.
 */
describe('stacked bars', () => {
  it('clip each pattern-filled shape to itself', () => {
    const svg = stackedBars({
      id: 'bars',
      title: 't',
      desc: 'd',
      categories: ['2026-27', '2027-28'],
      series: [
        { label: 'a', values: [1, 2] },
        { label: 'b', values: [3, 4] },
      ],
      unit: 'count',
    });
    const filled = [...svg.matchAll(/<[^<>]*fill="url\(#[^"]+\)"[^<>]*>/g)].map((m) => m[0]);
    expect(filled.length).toBe(2 * 2 + 2); // four bars, two legend swatches
    for (const shape of filled) expect(shape).toContain('clip-path="inset(0)"');
  });
});

describe.skipIf(!CHROMIUM)('the example report printed to PDF by headless Chromium', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'highneeds-pdf-'));
  let page = '';
  beforeAll(async () => {
    const report = await exampleReport();
    expect(report.run.code).toBe(0);
    page = report.file;
  }, 60_000);

  it('is a file to email: under 3 MB', { timeout: 120_000 }, () => {
    const pdf = path.join(dir, 'r.pdf');
    const run = chromium(page, ['--no-pdf-header-footer', `--print-to-pdf=${pdf}`]);
    expect(run.status).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(statSync(pdf).size).toBeLessThan(3 * 1024 * 1024);
  });
});
