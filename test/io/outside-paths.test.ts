import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/issue.js';
import { runBatch } from '../../src/io/batch/run.js';
import { loadModel } from '../../src/io/model-folder.js';
import { ROOT } from '../helpers/exec.js';
import { cli as run } from '../helpers/run-cli.js';

/**
 * Issue 18, defect 7: a path in a model file could name any file. `/etc/shadow`'s first
 * character was echoed in the error and its SHA-256 put in the manifest; `/dev/zero` was "not
 * found"; `/proc/self/mem` exited 3. Paths now stay in the model folder or the library unless
 * --allow-outside, and nothing read from outside appears in a message.
 */
const work = mkdtempSync(path.join(tmpdir(), 'highneeds-outside-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A secret outside every model folder: its first character is one no message of the tool has. */
const SECRET = path.join(work, 'secret.json');
writeFileSync(SECRET, '§ root:$6$hash:19000:0:99999:7:::\n');

let made = 0;
/** A copy of fixtures/errors/_valid with model.json's tariff replaced. */
function modelNaming(tariff: string): string {
  made += 1;
  const dir = path.join(work, `model-${made}`);
  cpSync(path.join(ROOT, 'fixtures/errors/_valid'), dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(dir, 'model.json'), 'utf8'));
  writeFileSync(path.join(dir, 'model.json'), JSON.stringify({ ...manifest, tariff }, null, 2));
  return dir;
}

const codes = (issues: readonly Issue[]) => issues.map((i) => i.code);
const text = (issues: readonly Issue[]) => JSON.stringify(issues);

describe('paths in model files stay inside the model folder or the library', () => {
  for (const name of ['/etc/shadow', '../secret.json', SECRET, '/dev/zero', '/proc/self/mem']) {
    it(`refuses a model.json tariff of ${name} without reading it`, () => {
      const loaded = loadModel(modelNaming(name));
      expect(codes(loaded.issues)).toEqual(['PATH_OUTSIDE_MODEL']);
      expect(loaded.issues[0]!.location?.file).toMatch(/model\.json$/);
      expect(text(loaded.issues)).not.toContain('§');
      expect(text(loaded.issues)).not.toContain('root:');
      expect(loaded.inputs.map((input) => input.path)).toEqual([
        expect.stringMatching(/model\.json$/),
        expect.stringMatching(/cohort\.csv$/),
        expect.stringMatching(/funding\.csv$/),
        // The shipped policy data (the override's end, the transfer limit) is read for every model.
        expect.stringMatching(/policy\/statutory-override\.json$/),
        expect.stringMatching(/policy\/schools-forum-transfer-limit\.json$/),
      ]);
    });
  }

  it('refuses a link inside the folder that leads outside it', () => {
    const dir = modelNaming('linked.json');
    symlinkSync(SECRET, path.join(dir, 'linked.json'));
    const loaded = loadModel(dir);
    expect(codes(loaded.issues)).toEqual(['PATH_OUTSIDE_MODEL']);
    expect(text(loaded.issues)).not.toContain('§');
  });

  it('with --allow-outside, says a device is not a regular file and an unreadable file cannot be read (exit 1, never 3)', async () => {
    const zero = loadModel(modelNaming('/dev/zero'), { allowOutside: true });
    expect(zero.issues.map((i) => `${i.code}: ${i.message}`)).toEqual([
      'FILE_MISSING: /dev/zero is not a regular file',
    ]);
    const mem = loadModel(modelNaming('/proc/self/mem'), { allowOutside: true });
    expect(mem.issues.map((i) => `${i.code}: ${i.message}`)).toEqual([
      'FILE_MISSING: /proc/self/mem cannot be read (EIO)',
    ]);
    const dir = modelNaming('/proc/self/mem');
    const cli = await run(['validate', dir, '--allow-outside']);
    expect(cli.code, cli.stderr).toBe(1);
    expect((await run(['validate', dir])).stderr).toContain('PATH_OUTSIDE_MODEL');
    // The file outside, when allowed, is read as any tariff is: its problems are reported.
    const secret = loadModel(modelNaming(SECRET), { allowOutside: true });
    expect(codes(secret.issues)).toEqual(['JSON_MALFORMED']);
  });

  it("refuses an areas.csv tariff or a national model.json's areas table outside the folder", async () => {
    const dir = path.join(work, 'national');
    cpSync(path.join(ROOT, 'fixtures/national'), dir, { recursive: true });
    const areas = readFileSync(path.join(dir, 'areas.csv'), 'utf8');
    writeFileSync(
      path.join(dir, 'areas.csv'),
      areas.replace('N01,Northshire,,', 'N01,Northshire,/etc/shadow,'),
    );
    const result = await runBatch(dir, { jobs: 1 });
    const n01 = result.areas.find((area) => area.code === 'N01')!;
    expect(n01.failed).toBe(true);
    expect(codes(n01.issues)).toEqual(['PATH_OUTSIDE_MODEL']);
    expect(text(n01.issues)).not.toContain('root:');
    expect(result.provenance.map((p) => p.path).join()).not.toContain('shadow');
    expect(result.areas.filter((area) => area.failed)).toHaveLength(1);

    const manifest = JSON.parse(readFileSync(path.join(dir, 'model.json'), 'utf8'));
    writeFileSync(
      path.join(dir, 'model.json'),
      JSON.stringify({ ...manifest, areas: '../national-areas.csv' }),
    );
    cpSync(path.join(dir, 'areas.csv'), path.join(work, 'national-areas.csv'));
    await expect(runBatch(dir, { jobs: 1 })).rejects.toMatchObject({
      issues: [expect.objectContaining({ code: 'PATH_OUTSIDE_MODEL' })],
    });
    expect((await runBatch(dir, { jobs: 1, allowOutside: true })).areas).toHaveLength(4);
  });

  it("refuses a scenario lever's tariff outside the model folder, the scenarios' folder and the library", async () => {
    const dir = path.join(work, 'scenarios');
    cpSync(path.join(ROOT, 'fixtures/example'), dir, { recursive: true });
    const lever = {
      scenarios: [
        {
          id: 'other-tariff',
          label: 'Another tariff',
          levers: [{ id: 'price', kind: 'tariff', tariff: SECRET }],
        },
      ],
    };
    writeFileSync(path.join(dir, 'scenarios.json'), JSON.stringify(lever, null, 2));
    const cli = await run(['validate', dir]);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain('PATH_OUTSIDE_MODEL');
    expect(cli.stderr).not.toContain('§');
  });
});
