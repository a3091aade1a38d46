import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ProjectionCache } from '../../../src/core/demand/cache.js';
import { rangeBoundIssues } from '../../../src/core/simulate/range-bounds.js';
import { loadModel } from '../../../src/io/model-folder.js';
import { parseScenarios } from '../../../src/io/read-scenarios.js';
import { lateRateArea, SPECIAL_MAYBE } from '../../helpers/late-rate-area.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-range-bounds-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The area whose special school's only rate starts on `from`, and the scenario that may send new plans there. */
function area(from: string) {
  const dir = path.join(scratch, from);
  lateRateArea(dir, '901', from);
  const scenario = parseScenarios(SPECIAL_MAYBE, 'scenarios.json', () => undefined, [])![0]!;
  return { model: loadModel(dir).model!, scenario };
}

describe("a ranged lever's bounds (RANGE_UNPRICED)", () => {
  it('warn where the lever at its high sends pupils before a rate is in force', () => {
    const { model, scenario } = area('2027-09-01');
    const issues = rangeBoundIssues(model, scenario, new ProjectionCache());
    expect(issues.map((i) => `${i.severity} ${i.code} ${i.message}`)).toEqual([
      'warning RANGE_UNPRICED scenario "special-maybe" with its ranged levers at their highs: no rate in force on 2026-09-01 for setting "special", band "A", need ASD (AY 2026/27)',
    ]);
  });

  it('say nothing when the rate is in force from the start, or the lever has no range', () => {
    const { model, scenario } = area('2025-04-01');
    expect(rangeBoundIssues(model, scenario, new ProjectionCache())).toEqual([]);
    const late = area('2027-09-01');
    const text = SPECIAL_MAYBE.replace('"low":"0","high":"0.5",', '');
    expect(text).not.toBe(SPECIAL_MAYBE);
    const plain = parseScenarios(text, 'scenarios.json', () => undefined, [])![0]!;
    expect(rangeBoundIssues(late.model, plain, new ProjectionCache())).toEqual([]);
  });
});
