import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';

/**
 * Issue 18, defect 8: a model.json far over any JSON input's size is refused unread. Before a
 * command reads a folder, it asks whether it is a national model or a folder of models; those
 * questions read model.json whole, with no limit, and one of 600 MB (more than a string can hold)
 * ended validate with exit 3 and a stack trace, after holding some 1 GB (found by a review of the
 * defects' fixes). The file here is sparse: it takes no room on disk.
 */
const scratch = fs.mkdtempSync(path.join(tmpdir(), 'highneeds-huge-json-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const HUGE = 600 * 1024 * 1024;

describe('a model.json of 600 MB is FILE_TOO_LARGE, not a crash', () => {
  const folder = path.join(scratch, 'models');
  const model = path.join(folder, 'area');
  fs.mkdirSync(model, { recursive: true });
  fs.writeFileSync(path.join(model, 'model.json'), '');
  fs.truncateSync(path.join(model, 'model.json'), HUGE);

  for (const [name, args] of [
    ['validate of the model', ['validate', model]],
    ['validate of a folder of models', ['validate', folder]],
    ['project', ['project', model]],
  ] as const)
    it(name, async () => {
      const result = await cli([...args]);
      expect(result.stderr).toMatch(/error FILE_TOO_LARGE/);
      expect(result.code).toBe(1);
    });
});
