import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/io/model-folder.js';
import { ROOT } from '../helpers/exec.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-dangling-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('a model file that is a link to nothing', () => {
  it('is an error, not an absent optional table (places.csv would otherwise be charged per pupil, £1.24m more, without a word)', () => {
    const dir = path.join(scratch, 'model');
    cpSync(path.join(ROOT, 'fixtures/example'), dir, { recursive: true });
    rmSync(path.join(dir, 'places.csv'));
    symlinkSync(path.join(scratch, 'nowhere.csv'), path.join(dir, 'places.csv'));
    const loaded = loadModel(dir);
    expect(loaded.model).toBeUndefined();
    expect(loaded.issues.map((i) => [i.code, i.message])).toEqual([
      ['FILE_MISSING', `${path.join(dir, 'places.csv')} is a link to a file that does not exist`],
    ]);
  });
});
