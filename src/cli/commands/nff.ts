import * as path from 'node:path';
import { InputError, UsageError } from '../../core/errors.js';
import { hasErrors, sortIssues } from '../../core/issue.js';
import { calculateNff } from '../../core/nff/calculate.js';
import { formatFinancialYear, parseFinancialYear } from '../../core/period.js';
import { fromModel, relativeInputs } from '../../io/input-reader.js';
import { limitsFromEnvironment } from '../../io/limits.js';
import { loadNff } from '../../io/load-nff.js';
import { libraryName, packageFile } from '../../io/provenance-name.js';
import { codeKey } from '../../io/batch/area-code-spelling.js';
import { displayPath } from '../../io/files.js';
import { listed } from '../../core/words.js';
import { checkOutAndManifest, commitOutputs, stageOutputs } from '../../io/write-output.js';
import { jsonText } from '../../report/json.js';
import { buildNffManifest } from '../../report/manifest.js';
import { explainArea } from '../../report/nff-explain.js';
import { renderNffCsv, renderNffJson, renderNffTable } from '../../report/nff-render.js';
import { yieldToSignals } from '../interrupt.js';
import { formatIssues } from '../print-issues.js';
import { issuePaint, tableWidth } from '../terminal.js';
import { type Format, outputFormat, withBom } from '../output-format.js';
import { toolVersion } from '../version.js';
import { cliIo } from '../cli-io.js';

export interface NffOptions {
  readonly year: string;
  readonly params?: string;
  readonly solveCap?: boolean;
  readonly area?: string;
  readonly format?: Format;
  readonly out?: string;
  readonly manifest?: string;
  readonly baselineFrom?: string;
  readonly bom?: boolean;
}

/** The parameter files shipped with the tool, one per financial year. */
export const defaultParametersDir = (): string => packageFile('nff-parameters');

/** `highneeds nff FACTORS --year YYYY-YY`: read, calculate, render, write. Returns the exit code. */
export async function runNff(factorsFile: string, options: NffOptions): Promise<number> {
  const year = parseFinancialYear(options.year);
  if (year === undefined)
    throw new UsageError(`--year ${options.year} is not a financial year written like 2025-26`);
  checkOutAndManifest(options.out, options.manifest);
  const format = outputFormat(options);
  withBom('', format, options.bom);
  const loaded = loadNff(
    factorsFile,
    options.params ?? defaultParametersDir(),
    year,
    limitsFromEnvironment(cliIo().env),
    options.baselineFrom,
  );
  const { parameters, areas } = loaded;
  if (!parameters || !areas) throw new InputError(loaded.issues);
  if (options.solveCap && parameters.mode !== 'formula')
    throw new UsageError(
      `--solve-cap needs a formula year; ${formatFinancialYear(year)} is a rollover year`,
    );
  if (options.baselineFrom && parameters.mode !== 'rollover')
    throw new UsageError(
      `--baseline-from needs a rollover year; ${formatFinancialYear(year)} is a formula year, whose baseline is the elements the floor and cap compare, not the allocation`,
    );
  if (options.solveCap && !parameters.nationalTotal) {
    // The shipped file is not the user's to edit (found by a national trial, whose message named
    // the install's path): say how to give a total of their own.
    const shipped = parameters.source && libraryName(parameters.source);
    throw new UsageError(
      shipped
        ? `--solve-cap needs "nationalTotal" in the parameters, and the shipped ${shipped} has none (docs/nff.md says why): copy it (${displayPath(parameters.source!)}) into a folder of your own, add "nationalTotal", and pass that folder as --params DIR`
        : `--solve-cap needs "nationalTotal" in ${parameters.source ?? 'the parameters'}`,
    );
  }
  // The code as written, else as a spreadsheet may have written it (0201 for 201, 201.0), as the
  // model commands' --area take it (found by an NFF trial: nff alone refused 0880 for 880).
  const area = options.area === undefined ? undefined : areaOf(areas, options.area);
  if (options.area !== undefined && !area) {
    // The areas in order, a few of 153: the message once listed every code in the file's order
    // on one line (a national trial).
    const codes = areas.map((a) => a.code);
    throw new UsageError(
      `--area ${options.area} is not in ${factorsFile} (its ${codes.length === 1 ? 'area' : `${codes.length} areas`}: ${listed(codes)})`,
    );
  }
  const outcome = calculateNff(parameters, areas, { solveCap: Boolean(options.solveCap) });
  const issues = sortIssues([...loaded.issues, ...outcome.issues]);
  if (!outcome.result || hasErrors(issues)) throw new InputError(issues);
  if (issues.length) cliIo().stderr.write(formatIssues(issues, await issuePaint()));
  // The output names the shipped parameters by their library name, not the install's path (as
  // the manifest does); a user's --params file is named as given.
  const shown = parameters.source
    ? { ...parameters, source: libraryName(parameters.source) ?? parameters.source }
    : parameters;
  const input = { result: outcome.result, parameters: shown, ...(area ? { only: area.code } : {}) };
  const rendered =
    format === 'json'
      ? renderNffJson(input, issues)
      : format === 'csv'
        ? renderNffCsv(input)
        : area
          ? explainArea(outcome.result, shown, area, tableWidth(Boolean(options.out)))
          : renderNffTable(input, tableWidth(Boolean(options.out)));
  const text = withBom(rendered, format, options.bom);
  const outputs = options.out ? [{ target: options.out, text }] : [];
  if (options.manifest) {
    // Relative to the factors file's folder, the shipped parameters by their library name: the
    // same bytes from any working folder and any install (src/io/provenance-name.ts).
    const base = path.dirname(path.resolve(factorsFile));
    const manifest = buildNffManifest({
      version: toolVersion(),
      inputs: relativeInputs(base, loaded.inputs),
      parameters: {
        financialYear: formatFinancialYear(parameters.financialYear),
        title: parameters.title,
        ...(parameters.source ? { source: fromModel(base, parameters.source) } : {}),
      },
      options: {
        year: formatFinancialYear(year),
        format,
        solve_cap: Boolean(options.solveCap),
        ...(options.area ? { area: options.area } : {}),
      },
    });
    outputs.push({ target: options.manifest, text: jsonText(manifest) });
  }
  // Every file is staged before any is renamed into place, so an output and its manifest land together or not at all.
  const staged = stageOutputs(
    outputs,
    loaded.inputs.map((i) => i.path),
  );
  // As in project: a Ctrl-C that came in during the run is handled before anything is renamed into place.
  await yieldToSignals();
  await commitOutputs(staged);
  if (!options.out) cliIo().stdout.write(text);
  return 0;
}

/** The area of `code` as written, else the one whose code a spreadsheet rewrote so (0201 for 201). */
function areaOf<T extends { readonly code: string }>(
  areas: readonly T[],
  code: string,
): T | undefined {
  const spelt = areas.filter((a) => codeKey(a.code) === codeKey(code));
  return areas.find((a) => a.code === code) ?? (spelt.length === 1 ? spelt[0] : undefined);
}
