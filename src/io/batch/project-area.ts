import * as path from 'node:path';
import { hasErrors, sortIssues, uniqueIssues } from '../../core/issue.js';
import { ProjectionCache } from '../../core/demand/cache.js';
import { rangeBoundIssues, rowBoundIssues } from '../../core/simulate/range-bounds.js';
import { project } from '../../core/project.js';
import type { ProjectionOutcome } from '../../core/projection.js';
import { projectScenario } from '../../core/scenario/apply.js';
import { checkScenarios } from '../../core/scenario/check.js';
import type { Scenario } from '../../core/scenario/types.js';
import { formatFinancialYear } from '../../core/period.js';
import type { Projection } from '../../core/projection.js';
import { summaryFigures } from '../../core/summary-figures.js';
import { buildAreaModel, type NationalContext, nationalContext } from './area-source.js';
import type { AreaOutcome, BatchInit, BatchTask, WireRow } from './wire.js';
import { displayPath } from '../files.js';
import { loadScenarios } from '../scenarios-file.js';
import { type LoadedModel, loadModel } from '../model-folder.js';
import { areaIntervals } from '../area-intervals.js';

/** What a worker (or the main thread, with --jobs 1) keeps between areas. */
export interface AreaWorkspace {
  readonly init: BatchInit;
  /** One for every area this thread projects: tariffs' rate books are shared by areas, the rest by an area's scenarios. */
  readonly cache: ProjectionCache;
  readonly national?: NationalContext;
  scenarios?: readonly Scenario[];
}

export function workspace(init: BatchInit): AreaWorkspace {
  return {
    init,
    cache: new ProjectionCache(),
    ...(init.kind === 'national' ? { national: nationalContext(init) } : {}),
  };
}

/** Reads one area, projects it under each chosen scenario and returns its summary rows, figures unrounded as decimal text. */
export function modelArea(space: AreaWorkspace, task: BatchTask): AreaOutcome {
  let code: string;
  let name: string;
  let built: LoadedModel;
  let source: { source: string } | Record<string, never> = {};
  if (task.kind === 'national') {
    built = buildAreaModel(space.national!, task);
    ({ code, name } = task.spec);
  } else {
    built = loadModel(task.dir, {
      limits: space.init.limits,
      libraryDir: space.init.libraryDir,
      ...(space.init.tariffFile ? { tariffFile: space.init.tariffFile } : {}),
      ...(space.init.hnbFrom ? { hnbFrom: space.init.hnbFrom } : {}),
      ...(space.init.allowOutside ? { allowOutside: true } : {}),
    });
    // model.json's code and name whenever they could be read, as summary.csv gives them, so that
    // failures.csv joins it (a user trial found it did not); the folder's name only when
    // model.json gives none.
    code = built.area?.code ?? path.basename(task.dir);
    name = built.area?.name ?? '';
    source = { source: displayPath(path.join(task.dir, 'model.json')) };
  }
  const { inputs } = built;
  if (!built.model) return { code, name, ...source, issues: built.issues, scenarios: [], inputs };
  const model = built.model;
  const scenarios = chosenScenarios(space);
  const runs: { id: string; outcome: ProjectionOutcome }[] = scenarios
    ? scenarios.map((scenario) => ({
        id: scenario.id,
        // The batch prints money and January pupils by FY, not flows.
        outcome: projectScenario(model, scenario, undefined, { cache: space.cache, flows: false }),
      }))
    : [{ id: '', outcome: project(model, {}, space.cache, { flows: false }) }];
  const issues = uniqueIssues(
    sortIssues([
      ...built.issues,
      ...(scenarios ? checkScenarios(model, scenarios, space.cache) : []),
      ...runs.flatMap((run) => run.outcome.issues),
      ...(space.init.checkRanges
        ? [
            ...rowBoundIssues(model, undefined, space.cache),
            ...(scenarios ?? []).flatMap((s) => rangeBoundIssues(model, s, space.cache)),
          ]
        : []),
    ]),
  );
  if (hasErrors(issues) || runs.some((run) => !run.outcome.projection))
    return { code, name, ...source, issues, scenarios: [], inputs };
  const simulated = space.init.draws
    ? areaIntervals(
        model,
        scenarios ?? [undefined],
        space.cache,
        space.init.draws,
        runs.map((run) => run.outcome),
      )
    : undefined;
  if (simulated && hasErrors(simulated.issues))
    return {
      code,
      name,
      ...source,
      issues: sortIssues([...issues, ...simulated.issues]),
      scenarios: [],
      inputs,
    };
  return {
    code,
    name,
    ...source,
    // The draws' warnings too (RANGE_UNPRICED), once each.
    issues: simulated ? uniqueIssues(sortIssues([...issues, ...simulated.issues])) : issues,
    scenarios: runs.map((run) => ({
      id: run.id,
      rows: wireRows(run.outcome.projection!),
    })),
    inputs,
    ...(simulated ? { intervals: simulated.intervals } : {}),
  };
}

function chosenScenarios(space: AreaWorkspace): readonly Scenario[] | undefined {
  const { init } = space;
  if (!init.scenarios) return undefined;
  if (!space.scenarios) {
    // Checked on the main thread already; here they are only parsed again, into this thread's objects.
    const loaded =
      loadScenarios(init.dir, init.libraryDir, init.scenariosFile, init.allowOutside).scenarios ??
      [];
    space.scenarios = init.scenarios.map((id) => loaded.find((scenario) => scenario.id === id)!);
  }
  return space.scenarios;
}

/** The area's summary rows, each figure as unrounded decimal text: the main thread rounds them, once (src/report/batch-print.ts). */
function wireRows(projection: Projection): WireRow[] {
  return projection.years.map((year) => {
    const row: Record<string, string | { d: string }> = {
      area_code: projection.area.code,
      area_name: projection.area.name,
      financial_year: formatFinancialYear(year.financialYear),
    };
    for (const [column, value] of Object.entries(summaryFigures(year)))
      row[column] = { d: value.toString() };
    return row;
  });
}
