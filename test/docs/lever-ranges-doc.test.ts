import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/issue.js';
import { parseScenarios } from '../../src/io/read-scenarios.js';
import { ROOT } from '../helpers/exec.js';

/** Every lever kind (docs/scenarios.md, "Levers"), with the fields it needs besides a share range. */
const KINDS: Record<string, object> = {
  'new-plans': { share: '-0.1' },
  ceasing: { share: '0.1' },
  'shift-new-plans': { share: '0.2', to: { setting: 'special' } },
  'move-placements': { share: '0.2', to: { setting: 'special' } },
  tariff: { share: '-0.05', from: '2026-09-01' },
  places: { setting: 'special', places: '10' },
  funding: { lines: [{ financialYear: '2026-27', line: 'other_income', amount: '1' }] },
};

/** The kinds whose share (or places) scenarios.json lets a range be given for (no LEVER_RANGE_UNSUPPORTED). */
const ranged = Object.entries(KINDS)
  .filter(([kind, fields]) => {
    const lever = { id: 'x', kind, ...fields, low: '0', high: '0.5' };
    const profile = kind === 'funding' ? {} : { profile: { shape: 'step', from: '2026/27' } };
    const text = JSON.stringify({ scenarios: [{ id: 's', levers: [{ ...lever, ...profile }] }] });
    const issues: Issue[] = [];
    parseScenarios(text, 'scenarios.json', () => undefined, issues);
    return !issues.some((issue) => issue.code === 'LEVER_RANGE_UNSUPPORTED');
  })
  .map(([kind]) => kind)
  .sort();

/** The lever kinds a passage names in backticks. */
const named = (passage: string): string[] =>
  [...new Set([...passage.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]!))]
    .filter((kind) => kind in KINDS)
    .sort();

/** The paragraph (or list item) of a document that holds `marker`. */
function passage(file: string, marker: string): string {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const found = text.split(/\n(?=\s*\n|\d+\. |- )/).find((part) => part.includes(marker));
  expect(found, `${file} no longer says "${marker}"`).toBeDefined();
  return found!;
}

// The docs that list which levers take a range must name the kinds scenarios.json accepts.
describe('the lever kinds whose share or places may have a range, as the docs list them', () => {
  it('are those scenarios.json accepts a range for', () => {
    expect(ranged).toEqual([
      'ceasing',
      'move-placements',
      'new-plans',
      'places',
      'shift-new-plans',
      'tariff',
    ]);
  });

  it.each([
    ['README.md', 'may give its share a planner'],
    ['docs/simulate.md', '**Levers that say how sure they are.**'],
    ['docs/simulate.md', '**Which levers.**'],
    ['docs/scenarios.md', "may also give its share a planner's range"],
  ])('%s: "%s"', (file, marker) => {
    // The kinds named after "lever(s) of money" are those that cannot take a range.
    const [takes = ''] = passage(file, marker).split(/levers? of money/);
    expect(named(takes)).toEqual(ranged);
  });
});
