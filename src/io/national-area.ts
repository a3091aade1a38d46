import * as path from 'node:path';
import { nearNames } from '../core/edit-distance.js';
import { error, hasErrors, type Issue, sortIssues, uniqueIssues } from '../core/issue.js';
import { checkScenarios } from '../core/scenario/check.js';
import { andList, listed } from '../core/words.js';
import { codeKey } from './batch/area-code-spelling.js';
import { buildAreaModel, nationalContext } from './batch/area-source.js';
import { readBatchSources } from './batch/read-sources.js';
import type { NationalInit, NationalTask } from './batch/wire.js';
import { InputReader } from './input-reader.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { displayPath } from './files.js';
import { jsonFields } from './read-json.js';
import type { OpenedModel, OpenOptions } from './open-model.js';
import { HNB_FROM_COLUMNS } from './read-hnb-from.js';
import { loadScenarios } from './scenarios-file.js';
import { checkLoadOptions, LOAD_OPTION_NAMES } from './model-folder.js';
import { readOverridePolicy } from './read-policy.js';
import { readTransferLimit } from './read-transfer-limit.js';
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
  readonly nationalArea?: NationalArea;
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
  // A caller's slip (the options second, a number for a code) is a TypeError that says what to
  // pass, as loadModel's are, not "area.trim is not a function" (found by a review).
  if (typeof area !== 'string')
    throw new TypeError(
      `openNationalArea: area must be a code of the areas table or an area's name, such as "N02", not ${areaDescribed(area)}`,
    );
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
  if (sources.init.kind !== 'national' && !hasErrors(sources.issues))
    return {
      scenarios: [],
      inputs: sources.digests,
      ...notNational(root, area, limits, allowOutside),
    };
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
  // A failed area is named by its other code too, and so are rows under that code respelt (found
  // by a review: --area 202 was modelled without places.csv's rows under "e09000202", unsaid).
  const othersOf = (code: string) =>
    [...(sources.otherCodes ?? [])].filter(([, of]) => of === code).map(([other]) => other);
  const listedAreas = [
    ...tasks.map((task) => task.spec),
    ...[...sources.failures]
      .filter(([, failure]) => !failure.issues.every((issue) => issue.code === 'UNKNOWN_AREA'))
      .map(([code, failure]) => ({
        code,
        name: failure.name,
        otherCodes: othersOf(code),
        ...(failure.otherNames ? { otherNames: failure.otherNames } : {}),
      })),
  ];
  const code = chosenCode(listedAreas, area);
  if (code === undefined) {
    const notListed = areaNotListed(area, listedAreas, sources.init.areasFile);
    return { scenarios, issues: sortIssues([...national, notListed]), inputs, notListed };
  }
  // Rows under this area's code (or its other code) written another way: UNKNOWN_AREA names the
  // area they were left out of.
  const keys = new Set([code, ...othersOf(code)].map(codeKey));
  const leftOut = [...sources.failures]
    .filter(([other]) => other !== code && keys.has(codeKey(other)))
    .flatMap(([, failure]) => failure.issues)
    .filter((issue) => issue.code === 'UNKNOWN_AREA')
    .map((issue): Issue => ({ ...issue, severity: 'warning' }));
  // NO_AREA_ROWS names the areas a table has no rows for: this area's, said of it alone, and not
  // another's ("none for area N03" on N01's run; found by a review).
  const ours = [
    ...national.filter((issue) => issue.code !== 'NO_AREA_ROWS'),
    ...(sources.areaWarnings?.get(code) ?? []),
    ...leftOut,
  ];
  const failure = sources.failures.get(code);
  const task = tasks.find((one) => one.spec.code === code);
  if (failure || !task)
    return { scenarios, issues: sortIssues([...ours, ...(failure?.issues ?? [])]), inputs };

  const init: NationalInit = {
    ...sources.init,
    ...(hnbFrom.length ? { hnbFrom: options.hnbFrom!.map((file) => path.resolve(file)) } : {}),
  };
  const context = nationalContext(init, hnbFrom);
  if (options.policyDir !== undefined) {
    context.overridePolicy = readOverridePolicy(options.policyDir);
    context.transferLimit = readTransferLimit(options.policyDir);
  }
  const loaded = buildAreaModel(context, task);
  const issues = uniqueIssues(
    sortIssues([
      ...ours,
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
    : { model: loaded.model, scenarios, issues, inputs: all, nationalArea: { init, task } };
}

/**
 * Why a folder that is not a national model gives no area: its model.json's own problems (not
 * JSON, too large), as loadModel says them; else AREA_NOT_LISTED, since a model of one area, or a
 * folder of model folders, has no areas table. Found by a review: --area on a national model whose
 * model.json had a stray comma was told it was "not a national model", and the library said nothing.
 */
function notNational(
  root: string,
  area: string,
  limits: Limits,
  allowOutside: boolean,
): { issues: readonly Issue[]; notListed?: Issue } {
  const reader = new InputReader(root, limits, allowOutside);
  const manifest = reader.text('model.json', false, 'json');
  if (manifest) jsonFields(manifest.text, manifest.display, reader.issues);
  if (hasErrors(reader.issues)) return { issues: sortIssues(reader.issues) };
  const notListed = error(
    'AREA_NOT_LISTED',
    `area "${area.trim()}" is not in an areas table: ${displayPath(root)} is not a national model (${manifest ? 'its model.json names no areas table' : 'it is a folder of model folders'})`,
    { file: '--area' },
    manifest
      ? 'a model of one area is read whole: leave out the area'
      : "give the area's own model folder, without an area",
  );
  return { issues: [notListed], notListed };
}

function areaDescribed(area: unknown): string {
  if (typeof area === 'number') return `the number ${area} (give it as text: "${area}")`;
  if (typeof area === 'object' && area !== null)
    return 'an object (the options come third: openNationalArea(dir, "N02", options))';
  return String(area);
}

/** An area of areas.csv, as --area finds it. */
interface ListedArea {
  readonly code: string;
  readonly name: string;
  /** Its ons_code or la_code. */
  readonly otherCodes?: readonly string[];
  /** The names of areas.csv's other rows of its code (DUPLICATE_AREA). */
  readonly otherNames?: readonly string[];
}

const codesOf = (area: ListedArea) => [area.code, ...(area.otherCodes ?? [])];
const isNamed = (area: ListedArea, text: string) =>
  [area.name, ...(area.otherNames ?? [])].some(
    (name) => name.trim().toLowerCase() === text.toLowerCase(),
  );

/**
 * The areas.csv code `typed` names: the code itself or the area's other code (ons_code, la_code),
 * else the one code or name it is a way of writing. A name of a second row of a code
 * (DUPLICATE_AREA) names the area too, whose error then says why it is not modelled: it was "not
 * in areas.csv" (left by the review of --area).
 */
function chosenCode(areas: readonly ListedArea[], typed: string): string | undefined {
  const text = typed.trim();
  const exact = areas.find((area) => codesOf(area).includes(text));
  if (exact) return exact.code;
  const one = (found: readonly { code: string }[]) =>
    found.length === 1 ? found[0]!.code : undefined;
  return (
    one(areas.filter((area) => codesOf(area).some((code) => codeKey(code) === codeKey(text)))) ??
    one(areas.filter((area) => isNamed(area, text)))
  );
}

function areaNotListed(typed: string, areas: readonly ListedArea[], areasFile: string): Issue {
  const text = typed.trim();
  // A slip in either system's code is offered as typed: E0900007 is offered E09000007, an area's
  // ons_code, not the area's own code (left by the review of --area: only area_code was looked at).
  const near = areas.flatMap((area) => {
    const code = codesOf(area).find((one) => nearNames([one], text).length > 0);
    if (code !== undefined) return [{ code, name: area.name }];
    return nearNames([area.name], text).length > 0 || namesWords(area.name, text)
      ? [{ code: area.code, name: area.name }]
      : [];
  });
  const offered = near.map(({ code, name }) => `${code} (${name})`);
  // Two areas of one name (or codes written alike, N01 and n01): the text is in areas.csv, twice.
  const several = areas.filter(
    (area) => codeKey(area.code) === codeKey(text) || isNamed(area, text),
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
