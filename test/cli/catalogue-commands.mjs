// The command each error-catalogue fixture is run with, shared by test/cli/errors.test.ts and
// scripts/error-doc-section.mjs. A model folder is run as `validate <dir>`; an NFF fixture (a
// folder holding nff-factors.csv, after fixtures/errors/_valid-nff) as `nff` on its factors
// and parameters for 2025-26; a model folder with an nff-allocations.csv takes it as --hnb-from;
// one with an explain.args or project.args file is run as `explain <dir>` or `project <dir>` with
// those options (a usage error, exit 2); a folder of model folders with a batch.args file as
// `batch <dir>` into a scratch folder with those options (a fault only the draws find);
// a history (a folder holding codes.csv, after fixtures/errors/_valid-history) as `calibrate`
// (with --costs when it holds a costs.csv);
// NATIONAL_MODEL, a valid national model, as `project`, which reads one area's folder; a folder
// of model folders (no model.json of its own, model folders in it) as `batch` into a scratch folder;
// the spreadsheet form of a tariff (rates.csv and settings.csv, as `tariffs export --csv` writes
// them from fixtures/errors/_valid's tariff) as `tariffs import`, with its references and meta.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** NFF fixtures whose problem only --solve-cap finds. */
const SOLVE_CAP = new Set(['NFF_TOTAL_UNREACHABLE']);
/** Fixtures that are valid to validate (a national model) but not to a command that reads one area's folder. */
const ONE_AREA = new Set(['NATIONAL_MODEL']);

export function catalogueArgs(code, root = '.') {
  const dir = `fixtures/errors/${code}`;
  // A usage mistake of explain or project: the fixture's explain.args or project.args are the
  // options after the model folder.
  for (const command of ['explain', 'project']) {
    const args = path.join(root, dir, `${command}.args`);
    if (existsSync(args))
      return [command, dir, ...readFileSync(args, 'utf8').split('\n').filter(Boolean)];
  }
  // A model fixture with an nff output beside it is validated with that output as --hnb-from.
  if (existsSync(path.join(root, dir, 'nff-allocations.csv')))
    return ['validate', dir, '--hnb-from', `${dir}/nff-allocations.csv`];
  // A fixture holding only a tariff is checked as a library table is.
  if (
    !existsSync(path.join(root, dir, 'model.json')) &&
    existsSync(path.join(root, dir, 'tariff.json'))
  )
    return ['tariffs', 'check', `${dir}/tariff.json`];
  // The spreadsheet form of a tariff, as tariffs export --csv writes it: imported.
  if (
    existsSync(path.join(root, dir, 'rates.csv')) &&
    existsSync(path.join(root, dir, 'settings.csv'))
  )
    return [
      'tariffs',
      'import',
      `${dir}/rates.csv`,
      '--settings',
      `${dir}/settings.csv`,
      '--references',
      `${dir}/references.csv`,
      '--meta',
      `${dir}/tariff.csv`,
    ];
  // A national model that validate passes but a one-area command cannot read: project.
  if (ONE_AREA.has(code)) return ['project', dir];
  // A history fixture (a codes.csv beside it, after fixtures/errors/_valid-history) is calibrated.
  if (existsSync(path.join(root, dir, 'codes.csv'))) return calibrateArgs(dir, root);
  if (isFolderOfModels(path.join(root, dir))) {
    const args = path.join(root, dir, 'batch.args');
    const options = existsSync(args) ? readFileSync(args, 'utf8').split('\n').filter(Boolean) : [];
    return [
      'batch',
      dir,
      '--out-dir',
      path.join(tmpdir(), `highneeds-catalogue-${code}`),
      ...options,
    ];
  }
  if (!existsSync(path.join(root, dir, 'nff-factors.csv'))) return ['validate', dir];
  return [
    'nff',
    `${dir}/nff-factors.csv`,
    '--year',
    '2025-26',
    '--params',
    `${dir}/nff-parameters`,
    '--format',
    'csv',
    ...(SOLVE_CAP.has(code) ? ['--solve-cap'] : []),
  ];
}

/** A folder with no model.json of its own whose sub-folders hold one: a batch of model folders. */
function isFolderOfModels(dir) {
  if (existsSync(path.join(dir, 'model.json')) || !existsSync(dir)) return false;
  return readdirSync(dir).some((name) => existsSync(path.join(dir, name, 'model.json')));
}

/**
 * calibrate on a history fixture: its snapshots.csv, else its transitions.csv, and its costs.csv
 * if it has one. The out-dir is a scratch folder, not in fixtures/: a warning's run succeeds and
 * writes it (calibrate wants it new or empty: the caller removes it first).
 */
function calibrateArgs(dir, root) {
  const snapshots = existsSync(path.join(root, dir, 'snapshots.csv'));
  const costs = existsSync(path.join(root, dir, 'costs.csv'));
  return [
    'calibrate',
    snapshots ? '--snapshots' : '--transitions',
    `${dir}/${snapshots ? 'snapshots' : 'transitions'}.csv`,
    '--population',
    `${dir}/population.csv`,
    '--codes',
    `${dir}/codes.csv`,
    ...(costs ? ['--costs', `${dir}/costs.csv`] : []),
    '--out-dir',
    path.join(tmpdir(), `highneeds-catalogue-${path.basename(dir)}`),
  ];
}
