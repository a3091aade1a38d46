import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openNationalArea } from '../../src/index.js';
import { cli } from '../helpers/run-cli.js';
import { asOnOneCore } from '../helpers/one-core.js';

asOnOneCore();

/**
 * --area on a folder that gives no areas table. Found by a review: a national model whose
 * model.json had a stray comma, or a folder that was not there, was told it was "not a national
 * model (its model.json names no areas table)", a usage error, where project without --area
 * located the comma; and the library's openNationalArea gave no model and no issue at all.
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-area-not-national-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('--area where there is no areas table', () => {
  it('a national model.json that is not JSON is located, as project says it without --area', async () => {
    const dir = path.join(scratch, 'comma');
    cpSync('fixtures/national', dir, { recursive: true });
    const manifest = path.join(dir, 'model.json');
    writeFileSync(
      manifest,
      readFileSync(manifest, 'utf8').replace('"tariffUplift": "0"', '"tariffUplift": "0",'),
    );
    const withArea = await cli(['project', dir, '--area', 'N02']);
    const without = await cli(['project', dir]);
    expect(withArea.code).toBe(1);
    expect(withArea.stderr).toMatch(/model\.json:\d+:\d+: error JSON_MALFORMED: invalid JSON/);
    expect(withArea.stderr).toBe(without.stderr);
  });

  it('a folder that is not there is said to be missing', async () => {
    const result = await cli(['project', path.join(scratch, 'nowhere'), '--area', 'N02']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error FILE_MISSING: required file model.json was not found');
    // As without --area.
    expect(result.stderr).toBe((await cli(['project', path.join(scratch, 'nowhere')])).stderr);
  });

  it('a folder of model folders has no areas table: a usage error', async () => {
    const dir = path.join(scratch, 'folders');
    cpSync('fixtures/example', path.join(dir, 'example'), { recursive: true });
    const result = await cli(['project', dir, '--area', 'N02']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "is not a national model (it is a folder of model folders)\n  hint: give the area's own model folder, without an area\n",
    );
  });

  it('openNationalArea on a model of one area gives AREA_NOT_LISTED, not silence', async () => {
    const open = await openNationalArea('fixtures/example', 'N02');
    expect(open.model).toBeUndefined();
    expect(open.notListed?.code).toBe('AREA_NOT_LISTED');
    expect(open.issues).toEqual([open.notListed]);
    expect(open.notListed?.message).toBe(
      'area "N02" is not in an areas table: fixtures/example is not a national model (its model.json names no areas table)',
    );
  });
});
