import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/io/model-folder.js';
import { readTransferLimit } from '../../src/io/read-transfer-limit.js';
import { ROOT } from '../helpers/exec.js';

/*
 * Found by the domain audit: the Schools Forum's 0.5% limit on schools block transfers was a
 * constant in src/core/transfers.ts, while parameters are data, dated, cited and status-marked.
 * It is now policy/schools-forum-transfer-limit.json, read as the override's end is, listed among
 * a model's inputs, and a policy folder with another limit checks transfers against that one.
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-transfer-limit-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const FIXTURE = path.join(ROOT, 'fixtures/errors/TRANSFER_NEEDS_DISAPPLICATION');
const POLICY = path.join(ROOT, 'policy');
/** A policy folder holding the shipped override file and, when given, this transfer limit file. */
function policyFolder(name: string, limitFile?: string): string {
  const dir = path.join(scratch, name);
  mkdirSync(dir);
  copyFileSync(
    path.join(POLICY, 'statutory-override.json'),
    path.join(dir, 'statutory-override.json'),
  );
  if (limitFile !== undefined)
    writeFileSync(path.join(dir, 'schools-forum-transfer-limit.json'), limitFile);
  return dir;
}
const warned = (policyDir?: string) =>
  loadModel(FIXTURE, policyDir ? { policyDir } : {}).issues.map((i) => i.code);

describe('the Schools Forum transfer limit is policy data', () => {
  it('the shipped file: 0.5%, published, citing Torbay Council', () => {
    const limit = readTransferLimit();
    expect(limit.issues).toEqual([]);
    expect(limit.share?.toFixed()).toBe('0.005');
    expect(limit.standing).toEqual({
      status: 'published',
      reference: {
        id: 'torbay-109099',
        title: expect.stringContaining('0.5%') as string,
        url: 'https://www.torbay.gov.uk/DemocraticServices/mgAi.aspx?ID=109099',
      },
    });
  });

  it("a 1.2% transfer is checked against the policy folder's limit, and the file is an input", () => {
    expect(warned()).toEqual(['TRANSFER_NEEDS_DISAPPLICATION']);
    const inputs = loadModel(FIXTURE).inputs.map((input) => input.path);
    expect(inputs).toContain('policy/schools-forum-transfer-limit.json');

    const text = readFileSync(path.join(POLICY, 'schools-forum-transfer-limit.json'), 'utf8');
    const dir = policyFolder('two-percent', text.replace('"share": "0.005"', '"share": "0.02"'));
    expect(warned(dir)).toEqual([]);
  });

  it('a policy folder without the file says so', () => {
    expect(warned(policyFolder('override-only'))).toContain('FILE_MISSING');
  });
});
