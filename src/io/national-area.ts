import * as path from 'node:path';
import { nearNames } from '../core/edit-distance.js';
import { error, hasErrors, type Issue, sortIssues, uniqueIssues } from '../core/issue.js';
import { checkScenarios } from '../core/scenario/check.js';
import { andList, listed } from '../core/words.js';
import { codeKey } from './batch/area-code-spelling.js';
import { buildAreaModel, nationalContext } from './batch/area-source.js';
import { readBatchSources } from './batch/read-sources.js';
import { AREA_TABLES, type NationalInit, type NationalTask } from './batch/wire.js';
import { InputReader } from './input-reader.js';
import { DEFAULT_LIMITS } from './limits.js';
import type { OpenedModel, OpenOptions } from './open-model.js';
import { HNB_FROM_COLUMNS } from './read-hnb-from.js';
import { loadScenarios } from './scenarios-file.js';
import { checkLoadOptions, LOAD_OPTION_NAMES } from './model-folder.js';
import { readOverridePolicy } from './read-policy.js';
import { shippedLibraryDir } from './tariff-library.js';

export interface OpenedArea extends OpenedModel {
  /**
   * AREA_NOT_LISTED when the code is none of areas.csv's: a mistake in the option, not in the
   * inputs (the CLI says it as a usage error, exit 2, as it does an unknown --scenario).
   */
  readonly notListed?: Issue;
  /**
   * With the model: the area as batch hands it to a worker thread, plain data, from which another
   * thread builds the same Model (buildAreaModel) without reading the national files again.
   */
  readonly area?: NationalArea;
}

export interface NationalArea {
  readonly init: NationalInit;
  readonly task: NationalTask;
}

/**
 * One area of a national model, opened as a model folder is (src/io/open-model.ts): the same
 * Model that `batch` projects for that area (src/io/batch/area-source.ts), the national folder's
 * scenarios, and every problem that bears on it. The national files are read whole, as batch
 * reads them; other areas' failures are not this one's, but rows that UNKNOWN_AREA finds written
 * under this area's code another way (n02 for N02) are said, as warnings: they are left out.
 *
 * `area` is an areas.csv code; written another way (any case, 0202 or 202.0 for 202) or as the
 * area's name, it is taken when it names one area only.
 */
export async function openNationalArea(
  dir: string,
  area: string,
  options: OpenOptions = {},
): Promise<OpenedArea> {
  checkLoadOptions<OpenOptions>(
    'openNationalArea',
    options,
    { ...LOAD_OPTION_NAMES, scenariosFile: true },
    '{ scenariosFile: "other-scenarios.json" }',
  );
  const root = path.resolve(dir);
  const limits = options.limits ?? DEFAULT_LIMITS;
  const libraryDir = options.libraryDir ?? shippedLibraryDir();
  const allowOutside = Boolean(options.allowOutside);
  const sources = await readBatchSources(
    root,
    limits,
    libraryDir,
    options.tariffFile === undefined ? undefined : path.resolve(options.tariffFile),
    allowOutside,
  );
  const fromScenarios = loadScenarios(root, libraryDir, options.scenariosFile, allowOutside);
  const hnbReader = new InputReader(root, limits);
  const hnbFrom = (options.hnbFrom ?? []).flatMap((file) => {
    const table = hnbReader.table(path.resolve(file), HNB_FROM_COLUMNS, true);
    return table ? [table] : [];
  });
  const national = [...sources.issues, ...fromScenarios.issues, ...hnbReader.issues];
  const inputs = [...sources.digests, ...fromScenarios.inputs, ...hnbReader.inputs];
  const scenarios = fromScenarios.scenarios ?? [];
  if (hasErrors(national) || sources.init.kind !== 'national')
    return { scenarios, issues: sortIssues(national), inputs };

  const tasks = sources.tasks.filter((task): task is NationalTask => task.kind === 'national');
  const listedAreas = [
    ...tasks.map((task) => task.spec),
    ...[...sources.failures]
      .filter(([, failure]) => !failure.issues.every((issue) => issue.code === 'UNKNOWN_AREA'))
      .map(([code, failure]) => ({ code, name: failure.name })),
  ];
  const code = chosenCode(
    listedAreas.map((spec) => spec.code),
    listedAreas.map((spec) => spec.name),
    area,
  );
  if (code === undefined) {
    const notListed = areaNotListed(area, listedAreas, sources.init.areasFile);
    return { scenarios, issues: sortIssues([...national, notListed]), inputs, notListed };
  }
  // Rows under this area's code written another way: UNKNOWN_AREA names the area they were left out of.
  const leftOut = [...sources.failures]
    .filter(([other]) => other !== code && codeKey(other) === codeKey(code))
    .flatMap(([, failure]) => failure.issues)
    .filter((issue) => issue.code === 'UNKNOWN_AREA')
    .map((issue): Issue => ({ ...issue, severity: 'warning' }));
  const failure = sources.failures.get(code);
  const task = tasks.find((one) => one.spec.code === code);
  if (failure || !task)
    return {
      scenarios,
      issues: sortIssues([...national, ...leftOut, ...(failure?.issues ?? [])]),
      inputs,
    };

  const init: NationalInit = {
    ...sources.init,
    ...(hnbFrom.length ? { hnbFrom: options.hnbFrom!.map((file) => path.resolve(file)) } : {}),
  };
  const context = nationalContext(init, hnbFrom);
  if (options.policyDir !== undefined)
    context.overridePolicy = readOverridePolicy(options.policyDir);
  const loaded = buildAreaModel(context, task);
  const issues = uniqueIssues(
    sortIssues([
      ...national.filter((issue) => lacksRows(issue, init, task)),
      ...leftOut,
      ...loaded.issues,
      ...(loaded.model && fromScenarios.scenarios
        ? checkScenarios(loaded.model, fromScenarios.scenarios)
        : []),
    ]),
  );
  // Each file once, as batch's manifest lists it: the area's tariff may be the national one, or
  // one that a scenario switches to, which the national files were read with already.
  const all = [...inputs, ...loaded.inputs].filter(
    (input, i, every) => every.findIndex((other) => other.path === input.path) === i,
  );
  return !loaded.model || hasErrors(issues)
    ? { scenarios, issues, inputs: all }
    : { model: loaded.model, scenarios, issues, inputs: all, area: { init, task } };
}

/**
 * Whether a national issue bears on the area: a NO_AREA_ROWS only when the area is one of those
 * without rows in its table. It named the others, "none for 3 areas N02, N03 and N04 … they are
 * projected with no new plans", on `--area N01`, whose rows are there (found by a DfE analyst's
 * trial); every other national issue is the area's too.
 */
function lacksRows(issue: Issue, init: NationalInit, task: NationalTask): boolean {
  if (issue.code !== 'NO_AREA_ROWS') return true;
  const table = AREA_TABLES.find((name) => init.tables[name]?.file === issue.location?.file);
  return table === undefined || !task.rows[table]?.ends.length;
}

/** The areas.csv code `typed` names: the code itself, else the one code or name it is a way of writing. */
function chosenCode(
  codes: readonly string[],
  names: readonly string[],
  typed: string,
): string | undefined {
  const text = typed.trim();
  if (codes.includes(text)) return text;
  const one = (found: readonly string[]) => (found.length === 1 ? found[0] : undefined);
  return (
    one(codes.filter((code) => codeKey(code) === codeKey(text))) ??
    one(codes.filter((_, i) => names[i]!.trim().toLowerCase() === text.toLowerCase()))
  );
}

function areaNotListed(
  typed: string,
  areas: readonly { readonly code: string; readonly name: string }[],
  areasFile: string,
): Issue {
  const text = typed.trim();
  const near = areas.filter(
    ({ code, name }) =>
      nearNames([code], text).length > 0 ||
      nearNames([name], text).length > 0 ||
      namesWords(name, text),
  );
  const offered = near.map(({ code, name }) => `${code} (${name})`);
  // Two areas of one name (or codes written alike, N01 and n01): the text is in areas.csv, twice.
  const several = areas.filter(
    ({ code, name }) =>
      codeKey(code) === codeKey(text) || name.trim().toLowerCase() === text.toLowerCase(),
  );
  if (several.length > 1)
    return error(
      'AREA_NOT_LISTED',
      `area "${text}" names ${several.length} areas of ${areasFile}: ${andList(several.map(({ code, name }) => `${code} (${name})`))}`,
      { file: '--area' },
      `give the code of the one you mean, as areas.csv writes it: ${several.map(({ code }) => code).join(' or ')}`,
    );
  // A word common to many names ("Synthetic Area", "North") offered them all, one "or" after another.
  const shown =
    offered.length > OFFERED
      ? `${offered.slice(0, OFFERED).join(', ')} or ${offered.length - OFFERED} more`
      : offered.join(' or ');
  return error(
    'AREA_NOT_LISTED',
    `area "${text}" is not in ${areasFile}, as a code or a name`,
    { file: '--area' },
    `${near.length ? `did you mean ${shown}? ` : ''}areas: ${listed(areas.map(({ code }) => code))}`,
  );
}

/** At most this many areas are offered by AREA_NOT_LISTED's hint; the rest are counted. */
const OFFERED = 5;

/**
 * Whether an area's name holds the typed text as whole words, in any case: "Bristol" or "hull"
 * for the names of the ONS list, "Bristol, City of" and "Kingston upon Hull, City of", which no
 * slip of a letter or two reaches (found by a DfE analyst's trial).
 */
function namesWords(name: string, typed: string): boolean {
  const words = typed.toLowerCase().match(/[\p{L}\p{N}']+/gu);
  if (!words || typed.length < 3) return false;
  const named = ` ${(name.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []).join(' ')} `;
  return named.includes(` ${words.join(' ')} `);
}
