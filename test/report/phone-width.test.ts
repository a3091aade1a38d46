import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { colourOf } from '../../src/report/svg/styles.js';
import { exampleReport } from '../helpers/example-report.js';
import { CHROMIUM, chromium } from './chromium.js';
import { inProcess } from './in-process.js';

/*
 * Found reading the reports on a 390 px phone screen: every wide table and every chart pushed the
 * page sideways (the area report was 730 px wide, the national one 597), and the charts shrank to
 * fit the column, their 11 px labels drawn at 5 px. Each now scrolls in a box of its own.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'highneeds-phone-'));
const reports: Record<string, string> = {};

beforeAll(async () => {
  const area = await exampleReport();
  expect(area.run.code).toBe(0);
  reports['area'] = area.html;
  const national = path.join(dir, 'national');
  const out = path.join(dir, 'out');
  const batch = await inProcess(
    `batch fixtures/national --out-dir ${out} --report ${national} --draws 20 --jobs 1 --quiet`.split(
      ' ',
    ),
  );
  expect(batch.code).toBe(0);
  reports['national'] = readFileSync(path.join(national, 'national-report.html'), 'utf8');
}, 120_000);

describe('every table and chart of the HTML reports sits in a labelled box that scrolls', () => {
  for (const which of ['area', 'national'])
    it(`${which}: each box is named by its table's caption or its chart's title, and takes the keyboard`, () => {
      const html = reports[which]!;
      const boxes = [...html.matchAll(/<div class="scroll" ([^>]*)>(<table>|<svg)/g)];
      expect(boxes.length).toBe(
        (html.match(/<table>/g) ?? []).length + (html.match(/<svg /g) ?? []).length,
      );
      for (const [, attributes] of boxes) {
        expect(attributes).toMatch(/^role="region" aria-labelledby="[^"]+" tabindex="0"$/);
        const id = /aria-labelledby="([^"]+)"/.exec(attributes!)![1]!;
        expect(html).toMatch(new RegExp(`<(caption|title) id="${id}">[^<]`));
      }
      const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
      expect(new Set(ids).size).toBe(ids.length);
    });

  // A figure's caption, the same "The figures behind the chart:" under every chart, was its
  // spoken name; each is named by its own chart's title instead.
  for (const which of ['area', 'national'])
    it(`${which}: each chart's figure is named by the chart's title`, () => {
      const html = reports[which]!;
      const figures = [
        ...html.matchAll(
          /<figure([^>]*)><div class="scroll" [^>]*><svg[^>]*><title id="([^"]+)">/g,
        ),
      ];
      expect(figures.length).toBe((html.match(/<svg /g) ?? []).length);
      for (const [, attributes, title] of figures)
        expect(attributes).toBe(` aria-labelledby="${title}"`);
    });
});

describe('the chart series stand out from the white page (WCAG 1.4.11: 3:1 for lines and areas)', () => {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const v = parseInt(hex.slice(i, i + 2), 16) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  for (let i = 0; i < 13; i += 1)
    it(`series ${i + 1} (${colourOf(i)})`, () => {
      expect((1.05 / (luminance(colourOf(i)) + 0.05)).toFixed(2)).toMatch(/^(?:[3-9]|\d{2,})\./);
    });
});

describe.skipIf(!CHROMIUM)(
  'the HTML reports on a phone, 390 px wide, in headless Chromium',
  { timeout: 120_000 },
  () => {
    interface Probed {
      readonly page: number;
      readonly view: number;
      readonly frame: number;
      readonly charts: number[];
    }
    /**
     * Each report in a 390 px frame of one page (a headless window is never narrower than 500 px),
     * a copy for the test only (the report itself has no script) whose probe writes to the outer
     * page: one Chromium run for both reports (a run is about a second of CPU).
     */
    let probes: Promise<Record<string, Probed | undefined>> | undefined;
    const probe = () =>
      (probes ??= Promise.resolve().then(() => {
        const frames = ['area', 'national'].map((which) => {
          const script = `<script>addEventListener('load', () => {
            const charts = [...document.querySelectorAll('svg.chart')].map((c) => Math.round(c.getBoundingClientRect().width));
            parent.document.body.setAttribute('data-probe-${which}', JSON.stringify({
              page: document.documentElement.scrollWidth, view: document.documentElement.clientWidth, frame: innerWidth, charts }));
          });</script>`;
          const copy = path.join(dir, `${which}-probe.html`);
          writeFileSync(copy, reports[which]!.replace('</body>', `${script}</body>`));
          return `<iframe src="${path.basename(copy)}" width="390" height="800" style="border:0"></iframe>`;
        });
        const phone = path.join(dir, 'phone.html');
        writeFileSync(
          phone,
          `<!DOCTYPE html><html><body style="margin:0">${frames.join('<br>')}</body></html>`,
        );
        const run = chromium(phone, ['--dump-dom', '--allow-file-access-from-files']);
        expect(run.status).toBe(0);
        return Object.fromEntries(
          ['area', 'national'].map((which) => {
            const text = new RegExp(`data-probe-${which}="([^"]*)"`).exec(run.stdout)?.[1];
            return [
              which,
              text === undefined
                ? undefined
                : (JSON.parse(text.replaceAll('&quot;', '"')) as Probed),
            ];
          }),
        );
      }));

    for (const which of ['area', 'national'])
      it(`${which}: the page does not scroll sideways, and the charts keep their own size`, async () => {
        const probed = (await probe())[which];
        expect(probed, 'the probe ran').toBeDefined();
        expect(probed!.frame).toBe(390);
        // The page is as wide as the frame less its scroll bar: nothing sticks out.
        expect(probed!.page).toBe(probed!.view);
        expect(probed!.charts.length).toBeGreaterThan(0);
        for (const width of probed!.charts) expect(width).toBe(680);
      });
  },
);
