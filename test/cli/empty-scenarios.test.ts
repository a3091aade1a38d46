import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-empty-scenarios-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const NAMES_NONE =
  "names no scenario; give a scenario's id (several, comma-separated, where the command takes more than one), or leave --scenarios out";

// Found by a user trial: `batch --scenarios "$EMPTY"` said "0 of 4 areas modelled, 4 failed", wrote empty
// outputs and exited 0; compare and report ran every scenario. An empty list is a usage error.
it.each(['', ',', ' , '])(
  '--scenarios %j is a usage error in every command that takes it',
  async (ids) => {
    const out = path.join(scratch, `batch-${ids.length}`);
    const runs = {
      batch: ['batch', 'fixtures/national', '--out-dir', out],
      compare: ['compare', 'fixtures/example'],
      report: ['report', 'fixtures/example', '--out', path.join(scratch, 'r.html')],
      project: ['project', 'fixtures/example'],
      solve: [
        'solve',
        'fixtures/example',
        '--target=cumulative-balance>=0@2030-31',
        '--vary=assumption:hnbGrowth',
        '--range=0,0.2',
      ],
    };
    for (const [command, args] of Object.entries(runs)) {
      const result = await cli([...args, '--scenarios', ids]);
      expect(result.code, `${command}: ${result.stderr}`).toBe(2);
      expect(result.stderr, command).toBe(`highneeds: --scenarios "${ids}" ${NAMES_NONE}\n`);
      expect(result.stdout, command).toBe('');
    }
    expect(existsSync(out)).toBe(false);
    expect(existsSync(path.join(scratch, 'r.html'))).toBe(false);
  },
);
