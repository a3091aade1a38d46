// The command each error-catalogue fixture is run with, shared by test/cli/errors.test.ts and
// scripts/error-doc-section.mjs. A model folder is run as `validate <dir>`; an NFF fixture (a
// folder holding nff-factors.csv, after fixtures/errors/_valid-nff) as `nff` on its factors
// and parameters for 2025-26.
import { existsSync } from 'node:fs';
import * as path from 'node:path';

/** NFF fixtures whose problem only --solve-cap finds. */
const SOLVE_CAP = new Set(['NFF_TOTAL_UNREACHABLE']);

export function catalogueArgs(code, root = '.') {
  const dir = `fixtures/errors/${code}`;
  if (!existsSync(path.join(root, dir, 'nff-factors.csv'))) return ['validate', dir];
  return ['nff', `${dir}/nff-factors.csv`, '--year', '2025-26', '--params', `${dir}/nff-parameters`, '--format', 'csv', ...(SOLVE_CAP.has(code) ? ['--solve-cap'] : [])];
}
