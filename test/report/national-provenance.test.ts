import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { htmlTable } from './html-table.js';
import { inProcess } from './in-process.js';

const out = mkdtempSync(path.join(tmpdir(), 'highneeds-national-provenance-'));
let text: string;
let html: string;

const tableOf = (caption: string): string[][] => htmlTable(html, caption);

beforeAll(async () => {
  const args = ['batch', 'fixtures/national', '--out-dir', out, '--report', out];
  const run = await inProcess([...args, '--draws', '5', '--seed', '3', '--jobs', '1', '--quiet']);
  expect(run.code).toBe(0);
  html = readFileSync(path.join(out, 'national-report.html'), 'utf8');
  text = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}, 60_000);

describe("the national report's provenance and areas", { timeout: 60_000 }, () => {
  it("gives the batch's own run: scenarios, areas, draws and seed, and no empty tariff row", () => {
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as {
      scenarios: string[];
      areas: { modelled: number; failed: number };
      inputs: { path: string; sha256: string }[];
    };
    const run = Object.fromEntries(tableOf('Run').slice(1) as [string, string][]);
    expect(run).toEqual({
      Command: 'highneeds batch',
      Scenarios: manifest.scenarios.join(', '),
      'Areas modelled': String(manifest.areas.modelled),
      'Areas failed': String(manifest.areas.failed),
      'Draws of each area': '5',
      Seed: '3',
    });
    expect(text).not.toContain('Tariff rows charged');
    for (const input of manifest.inputs) expect(html).toContain(input.sha256);
  });

  it('shows how many areas each year sums, as national.csv, and why it changes', () => {
    const national = parse(readFileSync(path.join(out, 'national.csv'), 'utf8'), {
      columns: true,
    }) as Record<string, string>[];
    const [head, ...rows] = tableOf('Areas summed in each year');
    for (const row of rows)
      head!.slice(1).forEach((year, i) => {
        const csv = national.find(
          (n) => n['financial_year'] === year && (n['scenario'] || 'the model as given') === row[0],
        );
        expect(row[i + 1], `${row[0]} ${year}`).toBe(csv?.['areas']);
      });
    // The example's N04 stops a year early: the totals of its last year sum one area fewer.
    expect(new Set(national.map((n) => n['areas']))).toEqual(new Set(['4', '3']));
    expect(text).toContain('N04 Westham, to 2028-29');
    expect(text).not.toContain('The sum over every modelled area (4 areas)');
  });
});
