import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, chromium, SCREENSHOT_FONT } from './chromium.js';
import { htmlTable } from './html-table.js';
import { exampleReport } from '../helpers/example-report.js';
import { inProcess } from './in-process.js';
import { decodePng, differingShare } from './png.js';

const dir = mkdtempSync(path.join(tmpdir(), 'highneeds-html-'));
/** The example's report (test/helpers/example-report.ts): read, never changed. */
let file: string;
const STORED = 'docs/img/report.png';
let html: string;
let needs: number;

/** Each chart's id and the series it must draw, from the example's own outputs. */
let expected: Record<string, number>;

beforeAll(async () => {
  const report = await exampleReport();
  expect(report.run.code).toBe(0);
  ({ file, html } = report);
  const ids = (
    JSON.parse(readFileSync('fixtures/example/scenarios.json', 'utf8')) as {
      scenarios: { id: string }[];
    }
  ).scenarios.map((s) => s.id);
  const scenarios = ids.length;
  // The breakdowns are of the last scenario (the plan).
  const byNeed = await inProcess([
    'project',
    'fixtures/example',
    '--scenario',
    ids.at(-1)!,
    '--breakdown',
    'need',
    '--format',
    'csv',
  ]);
  expect(byNeed.code).toBe(0);
  needs = new Set(
    byNeed.stdout
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[2]),
  ).size;
  expected = {
    'chart-cumulative-balance': scenarios,
    'chart-in-year-balance': scenarios,
    'chart-spend-by-setting': 8,
    'chart-by-age-group': 5,
    'chart-by-need': needs,
    'chart-flows': 4,
  };
}, 60_000);

/** The charts in markup: id → the data-series it declares and the series groups it draws. */
function charts(markup: string): Map<string, { declared: number; drawn: number; titled: boolean }> {
  const found = new Map<string, { declared: number; drawn: number; titled: boolean }>();
  for (const match of markup.matchAll(
    /<svg[^>]*class="chart" id="([^"]+)" data-series="(\d+)"[^>]*>([\s\S]*?)<\/svg>/g,
  )) {
    const [, id, declared, body] = match;
    found.set(id!, {
      declared: Number(declared),
      drawn: (body!.match(/<g class="series"/g) ?? []).length,
      titled:
        body!.startsWith(`<title id="${id}-title">`) && body!.includes(`<desc id="${id}-desc">`),
    });
  }
  return found;
}

describe('the HTML report, as a file', () => {
  it('is self-contained: no script, no stylesheet or image to fetch, no web font', () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(\s*['"]?(https?:|\/\/)/i);
    expect(html).not.toMatch(/\ssrc=/i);
  });

  it('has every chart with its title, description and the expected number of series, each followed by a table', () => {
    const found = charts(html);
    for (const [id, series] of Object.entries(expected)) {
      expect(found.get(id), id).toEqual({ declared: series, drawn: series, titled: true });
      const after = html.slice(html.indexOf(`id="${id}"`));
      const next = after.slice(after.indexOf('</svg>')).search(/<table>|<svg|<section/);
      expect(after.slice(after.indexOf('</svg>') + next).startsWith('<table>'), id).toBe(true);
    }
  });

  it('is the same bytes every time', async () => {
    const again = path.join(dir, 'again.html');
    await inProcess(['report', 'fixtures/example', '--out', again, '--quiet']);
    expect(readFileSync(again, 'utf8')).toBe(html);
  });

  it('shows the tariff with every source and status, the Safety Valve and the provenance', () => {
    const tariff = JSON.parse(readFileSync('tariffs/example-borough-2025.json', 'utf8')) as {
      references: { url: string }[];
    };
    for (const r of tariff.references) expect(html).toContain(r.url.replace(/&/g, '&amp;'));
    expect(html).toContain('Safety Valve instalments');
    expect(html).toMatch(/<td class="mono">[0-9a-f]{64}<\/td>/);
    expect(html).toContain('DSG management plan');
  });
});

describe('the underlying in-year balance (before Safety Valve payments, the write-off grant and local authority contributions)', () => {
  it('is a summary line and a DSG plan row under the in-year position, for the Safety Valve scenario too', async () => {
    const csv = await inProcess([
      'project',
      'fixtures/example',
      '--scenario',
      'safety-valve',
      '--format',
      'csv',
    ]);
    // 2026-27's figure as the CSV prints it, as the report writes money (-£194,886.10).
    const first = csv.stdout.split('\n')[1]!.split(',').at(-1)!;
    const pounds = `-£${Number(first.slice(1)).toLocaleString('en-GB', { minimumFractionDigits: 2 })}`;
    const summary = htmlTable(html, 'Spend, income and balance, £: Mitigated, with a Safety Valve');
    const line = summary.find((r) => r[0]!.endsWith('(underlying_in_year_balance)'))!;
    expect(line[1]).toBe(pounds);
    const plan = htmlTable(html, 'Financial summary, £: Mitigated, with a Safety Valve');
    const inYear = plan.findIndex((r) => r[0] === 'In-year position (income less spend)');
    expect(plan[inYear + 1]![0]).toBe(
      'Underlying in-year position (before Safety Valve payments, the write-off grant and local authority contributions)',
    );
    // The plan's lines are each rounded, so its position is within a few pence of the summary's.
    const pence = (text: string) => Math.round(Number(text.replace(/[£,]/g, '')) * 100);
    expect(Math.abs(pence(plan[inYear + 1]![1]!) - pence(pounds))).toBeLessThan(20);
    // 2026-27: £8,000,000 of Safety Valve, £1,000,000 of the agreement's local contribution and £500,000 of funding.csv's.
    expect(pence(plan[inYear]![1]!) - pence(plan[inYear + 1]![1]!)).toBe(950_000_000);
  });
});

describe.skipIf(!CHROMIUM)(
  'the HTML report, opened in headless Chromium',
  { timeout: 120_000 },
  () => {
    // One Chromium run (about a second and a half each) prints the page it built and takes the
    // screenshot; the page printed is the same as with --dump-dom alone.
    const shot = path.join(dir, 'shot.png');
    let run: ReturnType<typeof chromium>;
    beforeAll(() => {
      run = chromium(file, [
        '--dump-dom',
        '--hide-scrollbars',
        '--force-device-scale-factor=1',
        '--window-size=1000,2600',
        `--screenshot=${shot}`,
      ]);
    }, 120_000);

    it('parses with no console message, and the page it builds has every chart and its series', () => {
      expect(run.status).toBe(0);
      expect(run.stderr.split('\n').filter((line) => line.includes(':CONSOLE'))).toEqual([]);
      const found = charts(run.stdout);
      for (const [id, series] of Object.entries(expected))
        expect(found.get(id)?.drawn, id).toBe(series);
    });

    it.skipIf(!SCREENSHOT_FONT)(
      'looks like the stored screenshot (docs/img/report.png), within a tolerance',
      () => {
        expect(run.status).toBe(0);
        if (process.env['UPDATE_SCREENSHOT'] === '1' || !existsSync(STORED))
          writeFileSync(STORED, readFileSync(shot));
        const share = differingShare(
          decodePng(readFileSync(shot)),
          decodePng(readFileSync(STORED)),
        );
        // Fonts differ a little between machines; a missing chart or a broken layout changes far more.
        expect(share).toBeLessThan(0.03);
      },
    );
  },
);

describe.skipIf(!CHROMIUM)(
  'the HTML report in a wider font than Arial (DejaVu Sans, as where Arial and its metric twins are missing)',
  { timeout: 120_000 },
  () => {
    it('fits the page: no table is wider than the text column', () => {
      // A copy for the test only: the report itself has no script. Captions of tables that stick out.
      const wide = path.join(dir, 'wide-font.html');
      const probe = `<script>addEventListener('load', () => {
        const column = document.querySelector('main').getBoundingClientRect().right;
        const out = [...document.querySelectorAll('table')]
          .filter((t) => t.getBoundingClientRect().right > column + 0.5)
          .map((t) => t.caption ? t.caption.textContent : '(no caption)');
        document.body.setAttribute('data-overflow', JSON.stringify(out));
      });</script>`;
      writeFileSync(
        wide,
        html
          .replaceAll(
            'font-family:Arial,"Helvetica Neue",Helvetica,sans-serif',
            'font-family:"DejaVu Sans"',
          )
          .replace('</body>', `${probe}</body>`),
      );
      const run = chromium(wide, ['--dump-dom', '--window-size=1000,2600']);
      expect(run.status).toBe(0);
      const overflow = /data-overflow="([^"]*)"/.exec(run.stdout)?.[1];
      expect(overflow, 'the probe ran').toBeDefined();
      expect(JSON.parse(overflow!.replaceAll('&quot;', '"'))).toEqual([]);
    });
  },
);

if (CHROMIUM && !SCREENSHOT_FONT)
  process.stderr.write(
    'html-report.test: the font Liberation Sans is not installed; skipping the screenshot comparison (.ci/run installs fonts-liberation)\n',
  );
if (!CHROMIUM)
  process.stderr.write(
    'html-report.test: chromium is not installed; skipping the headless-browser checks (.ci/run installs it)\n',
  );
