import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readOverridePolicy } from '../../src/io/read-policy.js';
import { ROOT } from '../helpers/exec.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-read-policy-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

type Policy = { history: Record<string, string>[] } & Record<string, unknown>;
const SHIPPED = readFileSync(path.join(ROOT, 'policy/statutory-override.json'), 'utf8');

/** The shipped policy with `change` made to it, read from a folder of its own. */
function readChanged(name: string, change: (policy: Policy) => void) {
  const policy = JSON.parse(SHIPPED) as Policy;
  change(policy);
  const dir = path.join(scratch, name);
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'statutory-override.json'), JSON.stringify(policy, null, 2));
  return readOverridePolicy(dir);
}

const found = (policy: ReturnType<typeof readOverridePolicy>) =>
  policy.issues.map((issue) => `${issue.code} ${issue.location?.path ?? ''}: ${issue.message}`);

describe("policy/statutory-override.json: each end's standing and source checked as a tariff's are", () => {
  it('reads the shipped file: the override ends in 2027-28', () => {
    const policy = readOverridePolicy();
    expect(policy.issues).toEqual([]);
    expect(policy.overrideEnd).toBe(2027);
  });

  it('refuses an entry citing no reference of the file, a status not in the list, and an entry with no status', () => {
    const policy = readChanged('bad-standing', (p) => {
      p.history[2]!['reference'] = 'pq-00000';
      p.history[0]!['status'] = 'rumoured';
      delete p.history[1]!['status'];
    });
    expect(found(policy)).toEqual([
      'INVALID_FIELD $.history[0].status: $.history[0].status "rumoured" is not one of published, derived, assumption, illustrative',
      'MISSING_VALUE $.history[1]: $.history[1].status is required',
      'UNKNOWN_REFERENCE $.history[2].reference: $.history[2].reference "pq-00000" is not the id of any entry in $.references',
    ]);
  });

  it('a reference with no id cannot be cited', () => {
    const policy = readChanged('no-id', (p) => {
      delete (p['references'] as Record<string, string>[])[0]!['id'];
    });
    expect(found(policy).map((line) => line.split(':')[0])).toEqual([
      'MISSING_VALUE $.references[0]',
      'UNKNOWN_REFERENCE $.reference',
      'UNKNOWN_REFERENCE $.history[2].reference',
    ]);
  });
});
