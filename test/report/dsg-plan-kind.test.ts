import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inProcess } from './in-process.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-plan-kind-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The DSG plan's financial summary captions of a report of these scenarios. */
async function captions(scenarios: string): Promise<string[]> {
  const out = path.join(scratch, `${scenarios}.html`);
  const run = await inProcess([
    'report',
    'fixtures/example',
    '--scenarios',
    scenarios,
    '--out',
    out,
  ]);
  expect(run.code, run.stderr).toBe(0);
  return [...readFileSync(out, 'utf8').matchAll(/Financial summary, £: ([^<]*)<\/caption>/g)].map(
    (match) => match[1]!,
  );
}

// Found by an officer's trial: the plan's kind went by position, so a report of the two mitigated
// scenarios for a DfE submission showed the DBV workstreams as the unmitigated forecast.
describe("the DSG plan's unmitigated and mitigated forecasts go by the scenario, not its place", () => {
  it('two scenarios with levers: both mitigated', async () => {
    expect(await captions('mitigated,safety-valve')).toEqual([
      'Mitigated: DBV workstreams (mitigated)',
      'Mitigated, with a Safety Valve agreement (mitigated)',
    ]);
  });

  it('the scenario without levers second: still unmitigated', async () => {
    expect(await captions('mitigated,unmitigated')).toEqual([
      'Mitigated: DBV workstreams (mitigated)',
      'Unmitigated: current trends continue (DBV) (unmitigated)',
    ]);
  });
});
