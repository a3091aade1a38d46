import { InputError, UsageError } from '../../core/errors.js';
import { hasErrors, sortIssues, uniqueIssues } from '../../core/issue.js';
import { project } from '../../core/project.js';
import { ProjectionCache } from '../../core/demand/cache.js';
import { projectScenario } from '../../core/scenario/apply.js';
import { rangeBoundIssues, rowBoundIssues } from '../../core/simulate/range-bounds.js';
import { displayPath } from '../../io/files.js';
import { isFolderOfModels } from '../../io/batch/model-folders.js';
import { isNationalFolder } from '../../io/batch/read-sources.js';
import { readDsgPlanMap, unknownMapSettings } from '../../io/read-dsg-plan-map.js';
import { type ModelOptions, openModel } from '../open-model.js';
import { formatIssues } from '../print-issues.js';
import { issuePaint } from '../terminal.js';
import { defaultModelDir } from '../version.js';
import { cliIo } from '../cli-io.js';
import { visible } from '../../report/visible.js';

/**
 * `highneeds validate [model-dir]`: every check `project` makes, including the ones only a
 * projection can make (a rate in force for every month pupils occupy), for the model and
 * every scenario in its scenarios.json; no output but "ok".
 */
export async function runValidate(
  dirArgument: string | undefined,
  options: ModelOptions & { quiet?: boolean },
): Promise<number> {
  const dir = dirArgument ?? defaultModelDir();
  // A national model (model.json naming an areas table), or a folder of model folders, is checked
  // area by area, as batch reads it: batch accepted a folder that validate called FILE_MISSING
  // (found by a user trial).
  // With --area, one area of a national model, as a model folder is checked.
  if (options.area === undefined && (isNationalFolder(dir) || isFolderOfModels(dir))) {
    if (options.scenariosFile !== undefined)
      throw new UsageError(
        "--scenarios-file is for one model's folder; a national model's scenarios (or a folder of model folders') are its folder's scenarios.json",
      );
    return (await import('./validate-national.js')).runValidateNational(dir, options);
  }
  const open = await openModel(dir, {
    ...options,
    reading: { quiet: Boolean(options.quiet), json: false },
  });
  const cache = new ProjectionCache();
  const outcomes = [
    project(open.model, {}, cache),
    ...open.scenarios.map((s) => projectScenario(open.model, s, undefined, { cache })),
  ];
  // A model's dsg-plan-map.csv (for highneeds report) is checked here too, when there is one.
  const map = readDsgPlanMap(dir, Boolean(options.allowOutside));
  // A ranged lever that, at a bound, sends pupils where the tariff cannot price them: simulate would stop there.
  const bounds = [
    ...rowBoundIssues(open.model, undefined, cache),
    ...open.scenarios.flatMap((s) => rangeBoundIssues(open.model, s, cache)),
  ];
  const issues = uniqueIssues(
    sortIssues([
      ...open.issues,
      ...outcomes.flatMap((o) => o.issues),
      ...bounds,
      ...map.issues,
      ...unknownMapSettings(map, open.model.tariff),
    ]),
  );
  const projection = outcomes[0]!.projection;
  if (hasErrors(issues) || !projection) throw new InputError(issues);
  if (issues.length) cliIo().stderr.write(formatIssues(issues, await issuePaint()));
  const years = `${projection.years.length} financial year${projection.years.length === 1 ? '' : 's'}`;
  const scenarios = open.scenarios.length
    ? `, ${open.scenarios.length} scenario${open.scenarios.length === 1 ? '' : 's'}`
    : '';
  if (!options.quiet)
    cliIo().stdout.write(
      visible(
        `${displayPath(dir)}${options.area === undefined ? '' : `, area ${projection.area.code} (${projection.area.name})`}: ok (${years}, tariff ${projection.tariff.id}${scenarios})\n`,
      ),
    );
  return 0;
}
