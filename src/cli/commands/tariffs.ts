import * as path from 'node:path';
import { InputError, UsageError } from '../../core/errors.js';
import { hasErrors, sortIssues, type Issue, type Location } from '../../core/issue.js';
import { isValidDate, whyNotDate, formatFinancialYear } from '../../core/period.js';
import { project } from '../../core/project.js';
import type { Projection } from '../../core/projection.js';
import type { Tariff } from '../../core/tariff.js';
import { diffTariffs, type TariffDiffRow } from '../../core/tariff-diff.js';
import { tariffTable } from '../../core/tariff-table.js';
import { displayPath, readInput } from '../../io/files.js';
import { limitsFromEnvironment } from '../../io/limits.js';
import { loadModel } from '../../io/model-folder.js';
import { importTariff } from '../../io/tariff-import.js';
import {
  libraryFiles,
  readTariffFile,
  resolveTariff,
  tariffsNamed,
} from '../../io/tariff-library.js';
import { placeFunderWarnings } from '../../core/place-funder-check.js';
import { andList } from '../../core/words.js';
import {
  checkOutputOption,
  commitOutputs,
  makeOutputDir,
  stageOutputs,
} from '../../io/write-output.js';
import { fitText } from '../../report/fit-width.js';
import { count, figure, renderRecords, type Record_ } from '../../report/records.js';
import {
  exportTariffCsv,
  TARIFF_CSV_COLUMNS,
  type TariffCsvFile,
} from '../../report/tariff-csv.js';
import { tariffJson } from '../../report/tariff-json.js';
import { yieldToSignals } from '../interrupt.js';
import { type Format, outputFormat, withBom } from '../output-format.js';
import { formatIssues } from '../print-issues.js';
import { printWarnings } from '../print-warnings.js';
import { issuePaint, tableWidth } from '../terminal.js';
import { defaultModelDir, defaultTariffDir } from '../version.js';
import { cliIo } from '../cli-io.js';
import { libraryIdTaken } from '../library-id-taken.js';
import { writeOrPrint } from '../write-or-print.js';
import { shellWord } from '../shell-word.js';
import { refuseToReplace } from '../../io/existing-outputs.js';
import { visible } from '../../report/visible.js';

export interface OutputOptions {
  readonly format?: Format;
  readonly out?: string;
  readonly dir?: string;
  readonly bom?: boolean;
}

/** The format from --format or --out's extension; an unusable --bom is refused before any work. */
function formatOf(options: OutputOptions): Format {
  const format = outputFormat(options);
  withBom('', format, options.bom);
  return format;
}

async function emit(
  given: string,
  options: OutputOptions,
  inputs: readonly string[] = [],
): Promise<void> {
  checkOutputOption('--out', options.out);
  await writeOrPrint(withBom(given, formatOf(options), options.bom), options.out, inputs);
}

function load(argument: string, libraryDir: string): { tariff: Tariff; file: string } {
  const found = tariffsNamed(argument, libraryDir);
  // Two files of one id: say so, not that the id is in none (found by a review).
  if (found.length > 1)
    throw new UsageError(
      `"${argument}" is the id of the tables in ${andList(found.map((f) => path.basename(f)))} in ${displayPath(libraryDir)}: give the one meant as a file, such as ${shellWord(displayPath(found[0]!))}`,
    );
  const [file] = found;
  if (!file)
    throw new UsageError(
      `"${argument}" is neither a tariff file nor the id of one in ${displayPath(libraryDir)}`,
    );
  const loaded = readTariffFile(file);
  if (!loaded.tariff) throw new InputError(loaded.issues);
  return { tariff: loaded.tariff, file: loaded.file };
}

function checkDate(at: string | undefined): void {
  if (at !== undefined && !isValidDate(at)) throw new UsageError(`--at ${at} ${whyNotDate(at)}`);
}

/** `tariffs list`: one line per file in the library. */
export async function runList(options: OutputOptions): Promise<number> {
  const dir = options.dir ?? defaultTariffDir();
  const rows: Record_[] = [];
  const problems: Issue[] = [];
  const files = libraryFiles(dir);
  for (const file of files) {
    const loaded = readTariffFile(file);
    if (!loaded.tariff) {
      problems.push(...loaded.issues);
      continue;
    }
    const t = loaded.tariff;
    const dates = t.rates.map((r) => r.effectiveFrom).sort();
    const ends = t.rates.map((r) => r.endDate);
    const lastEnd =
      ends.every((e) => e !== undefined) && ends.length
        ? [...(ends as string[])].sort().pop()
        : undefined;
    const statuses = [...new Set([...t.settings, ...t.rates].map((x) => x.status ?? 'unstated'))]
      .sort()
      .join(' ');
    rows.push({
      id: t.id,
      title: t.title,
      from: dates[0] ?? '',
      to: lastEnd ?? (dates.length ? 'open' : ''),
      settings: count(t.settings.length),
      bands: count(new Set(t.rates.map((r) => `${r.setting}\u0000${r.band}`)).size),
      rates: count(t.rates.length),
      references: count(t.references.length),
      status: statuses,
    });
  }
  await emit(
    renderRecords(
      formatOf(options),
      ['id', 'title', 'from', 'to', 'settings', 'bands', 'rates', 'references', 'status'],
      rows,
      { width: tableWidth(Boolean(options.out)), keys: ['id'] },
    ),
    options,
    files,
  );
  if (problems.length) throw new InputError(problems);
  return 0;
}

/** `tariffs show ID|FILE [--at DATE]`: every row, or the rows in force on a date (uplifted). */
export async function runShow(
  argument: string,
  options: OutputOptions & { at?: string },
): Promise<number> {
  checkDate(options.at);
  const { tariff, file } = load(argument, options.dir ?? defaultTariffDir());
  const rows: Record_[] = tariffTable(tariff, options.at).map((row) => ({
    setting: row.setting,
    band: row.band,
    band_label: row.bandLabel,
    need: row.need,
    top_up: figure(row.topUp),
    place_value: figure(row.placeValue),
    effective_from: row.row.effectiveFrom,
    end_date: row.row.endDate,
    uplift_years: count(row.upliftYears),
    status: row.status,
    reference: row.row.reference,
  }));
  // A setting no rate prices (a table of place values alone, national-place-values) is shown by
  // its place value, with the setting's own status and source: the table showed a header alone
  // (found by a domain audit).
  const priced = new Set(tariff.rates.map((rate) => rate.setting));
  for (const setting of tariff.settings.filter((s) => !priced.has(s.id)))
    rows.push({
      setting: setting.id,
      place_value: figure(setting.placeValue),
      status: setting.status,
      reference: setting.reference,
    });
  await emit(
    renderRecords(
      formatOf(options),
      [
        'setting',
        'band',
        'band_label',
        'need',
        'top_up',
        'place_value',
        'effective_from',
        'end_date',
        'uplift_years',
        'status',
        'reference',
      ],
      rows,
      { width: tableWidth(Boolean(options.out)), keys: ['setting', 'band', 'need'] },
    ),
    options,
    [file],
  );
  return 0;
}

/** `tariffs check [FILES…]`: validates each file (default: the whole library); all problems at once. */
export async function runCheck(
  files: readonly string[],
  options: { dir?: string; quiet?: boolean },
): Promise<number> {
  const library = options.dir ?? defaultTariffDir();
  // A file, or the id of a table in the library as show, diff and export take it (found by a
  // review: `tariffs check example-borough-2025` said the "file" was not found).
  const targets = files.length
    ? files.map((f) => resolveTariff(f, library) ?? path.resolve(f))
    : libraryFiles(library);
  const issues: Issue[] = [];
  const lines: string[] = [];
  for (const file of targets) {
    const loaded = readTariffFile(file);
    issues.push(...loaded.issues, ...(loaded.tariff ? placeFunderWarnings(loaded.tariff) : []));
    if (loaded.tariff)
      lines.push(
        visible(
          `${loaded.file}: ok (${loaded.tariff.id}: ${loaded.tariff.settings.length} settings, ${loaded.tariff.rates.length} rates, ${loaded.tariff.references.length} references)`,
        ),
      );
  }
  if (hasErrors(issues)) throw new InputError(sortIssues(issues));
  if (issues.length) cliIo().stderr.write(formatIssues(sortIssues(issues), await issuePaint()));
  if (!options.quiet) cliIo().stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

/** `tariffs diff A B [--at DATE] [--model DIR]`: the rows that differ, and what the difference costs a model. */
export async function runDiff(
  a: string,
  b: string,
  options: OutputOptions & { at?: string; model?: string | boolean; allowOutside?: boolean },
): Promise<number> {
  checkDate(options.at);
  const library = options.dir ?? defaultTariffDir();
  const left = load(a, library);
  const right = load(b, library);
  // What the run reads: an --out that is one of them by any name is refused (emit).
  const inputs = [left.file, right.file];
  const format = formatOf(options);
  const differences = diffTariffs(left.tariff, right.tariff, options.at);
  const rows: Record_[] = differences.map((row) => ({
    change: row.kind,
    what: row.what,
    setting: row.setting,
    band: row.band,
    need: row.need,
    effective_from: row.effectiveFrom || undefined,
    a: figure(row.a),
    b: figure(row.b),
    difference: figure(row.change),
    percent: figure(row.changeShare?.times(100), 1),
  }));
  let text = renderRecords(
    format,
    [
      'change',
      'what',
      'setting',
      'band',
      'need',
      'effective_from',
      'a',
      'b',
      'difference',
      'percent',
    ],
    rows,
    { width: tableWidth(Boolean(options.out)), keys: ['change', 'setting', 'band', 'need'] },
  );
  if (options.model) {
    const dir = typeof options.model === 'string' ? options.model : defaultModelDir();
    // The model's warnings are said, as project says them (a user trial found them dropped).
    const warnings: Issue[] = [];
    // Its files are inputs too, never to be written over (--out m/cohort.csv replaced it, exit 0).
    const under = (file: string): Projection => {
      const loaded = loadModel(dir, {
        tariffFile: file,
        limits: limitsFromEnvironment(cliIo().env),
        allowOutside: Boolean(options.allowOutside),
      });
      inputs.push(...loaded.inputs.map((input) => input.path));
      const outcome = loaded.model ? project(loaded.model) : undefined;
      const issues = sortIssues([...loaded.issues, ...(outcome?.issues ?? [])]);
      if (!outcome?.projection || hasErrors(issues)) throw new InputError(issues);
      warnings.push(...issues);
      return outcome.projection;
    };
    const pa = under(left.file);
    const pb = under(right.file);
    await printWarnings(warnings);
    const cost: Record_[] = pa.years.map((year, i) => {
      const other = pb.years[i]!;
      return {
        financial_year: formatFinancialYear(year.financialYear),
        spend_a: figure(year.spendTotal),
        spend_b: figure(other.spendTotal),
        spend_change: figure(other.spendTotal.minus(year.spendTotal)),
        cumulative_a: figure(year.cumulativeBalance),
        cumulative_b: figure(other.cumulativeBalance),
        cumulative_change: figure(other.cumulativeBalance.minus(year.cumulativeBalance)),
      };
    });
    const costText = renderRecords(
      format,
      [
        'financial_year',
        'spend_a',
        'spend_b',
        'spend_change',
        'cumulative_a',
        'cumulative_b',
        'cumulative_change',
      ],
      cost,
      { width: tableWidth(Boolean(options.out)), keys: ['financial_year'] },
    );
    text =
      format === 'json'
        ? `{\n"rows": ${text.trimEnd()},\n"model": ${JSON.stringify(displayPath(dir))},\n"cost": ${costText.trimEnd()}\n}\n`
        : // One table, as a CSV reader takes it: the rows that differ are `tariffs diff A B` without --model.
          format === 'csv'
          ? costText
          : // The title wraps as the table fits: a model folder named in full ran past 60 columns (a user trial).
            `${fitText(`${left.tariff.id} → ${right.tariff.id}${options.at ? ` at ${options.at}` : ''}`, tableWidth(Boolean(options.out)))}\n\n${text}\n${fitText(`Cost of switching for ${pa.area.name} (${displayPath(dir)}), £:`, tableWidth(Boolean(options.out)))}\n${costText}`;
  }
  await emit(text, options, inputs);
  // Said once the rows are written: an --out refused is said alone.
  const dated = options.at === undefined ? datedApart(differences) : undefined;
  if (dated)
    cliIo().stderr.write(
      `highneeds: note: ${dated.count} ${dated.count === 1 ? 'rate is' : 'rates are'} in both tables from different dates, so ${dated.count === 1 ? 'it shows' : 'they show'} as removed and added; to compare the rates in force on a day (each table's uplift included), add --at ${dated.at}\n`,
    );
  return 0;
}

/** `tariffs import RATES.csv --settings SETTINGS.csv …`: the spreadsheet form back to a tariff file. */
export async function runImport(
  ratesFile: string,
  options: {
    settings: string;
    references?: string;
    bands?: string;
    meta?: string;
    id?: string;
    title?: string;
    reference?: string;
    referenceTitle?: string;
    out?: string;
  },
): Promise<number> {
  // What reading the files said, every file read before any is judged: one missing or refused,
  // and a CSV read as Windows-1252 (READ_AS_WINDOWS_1252). The first file that could not be read
  // stopped the import, leaving the later ones' problems and the earlier ones' warnings unsaid.
  const read: Issue[] = [];
  const source = (file: string | undefined) => {
    if (!file) return undefined;
    const result = readInput(
      file,
      displayPath(file),
      limitsFromEnvironment(cliIo().env).maxFileBytes,
      'csv',
    );
    if (result.status === 'missing')
      read.push({
        severity: 'error',
        code: 'FILE_MISSING',
        message: `${file} was not found`,
        location: { file },
      });
    if (result.status === 'refused') read.push(result.issue);
    if (result.status !== 'ok') return undefined;
    if (result.warning) read.push(result.warning);
    return { file: displayPath(file), text: result.file.text };
  };
  const files = {
    rates: source(ratesFile),
    settings: source(options.settings),
    references: source(options.references),
    bands: source(options.bands),
    meta: source(options.meta),
  };
  if (!files.rates || !files.settings) throw new InputError(sortIssues(read));
  const result = importTariff(
    {
      rates: files.rates,
      settings: files.settings,
      ...opt('references', files.references),
      ...opt('bands', files.bands),
      ...opt('meta', files.meta),
    },
    {
      ...opt('id', options.id),
      ...opt('title', options.title),
      ...opt('referenceUrl', options.reference),
      ...opt('referenceTitle', options.referenceTitle),
    },
  );
  const taken =
    result.tariff &&
    libraryIdTaken(
      result.tariff,
      options.id !== undefined || !files.meta ? { file: '--id' } : idRowOf(files.meta),
      defaultTariffDir(),
    );
  const issues = sortIssues([...read, ...result.issues, ...(taken ? [taken] : [])]);
  if (!result.tariff || hasErrors(read)) throw new InputError(issues);
  // Its warnings, what it read in another form among them, as project's: with --quiet too (README, "--quiet").
  if (issues.length) cliIo().stderr.write(formatIssues(issues, await issuePaint()));
  const inputs = [
    ratesFile,
    options.settings,
    options.references,
    options.bands,
    options.meta,
  ].filter((f): f is string => Boolean(f));
  await emit(tariffJson(result.tariff), options, inputs);
  return 0;
}

/** Where tariff.csv (--meta) gives the id: its `id` row's value. */
function idRowOf(meta: { readonly file: string; readonly text: string }): Location {
  const line = meta.text.split(/\r\n|\r|\n/).findIndex((row) => /^\uFEFF?\s*"?id"?\s*,/i.test(row));
  return line < 0 ? { file: meta.file } : { file: meta.file, line: line + 1, column: 2 };
}

/** `tariffs export ID|FILE [--csv] [--out-dir DIR]`: the canonical JSON, or the spreadsheet form. */
export async function runExport(
  argument: string,
  options: {
    csv?: boolean;
    outDir?: string;
    out?: string;
    dir?: string;
    quiet?: boolean;
    bom?: boolean;
    force?: boolean;
  },
): Promise<number> {
  if (!options.csv && options.bom === true)
    throw new UsageError('--bom applies to the spreadsheet form (--csv), not the JSON');
  const { tariff, file } = load(argument, options.dir ?? defaultTariffDir());
  if (!options.csv) {
    await emit(tariffJson(tariff), { ...opt('out', options.out), ...opt('dir', options.dir) }, [
      file,
    ]);
    return 0;
  }
  const outDir = options.outDir ?? `${tariff.id}-csv`;
  const targets = (Object.keys(TARIFF_CSV_COLUMNS) as TariffCsvFile[]).map((name) => ({
    name,
    target: path.join(outDir, name),
  }));
  refuseToReplace(
    '--out-dir',
    outDir,
    targets.map(({ target }) => target),
    Boolean(options.force),
  );
  makeOutputDir(outDir, '--out-dir');
  const files = exportTariffCsv(tariff);
  // The spreadsheet form carries Excel's BOM unless --no-bom (issue 19, item 8): a double-clicked file opens as UTF-8; import reads it either way.
  const bom = options.bom === false ? '' : '\uFEFF';
  const staged = stageOutputs(
    targets.map(({ name, target }) => ({ target, text: `${bom}${files[name]}` })),
    [file],
  );
  await yieldToSignals();
  await commitOutputs(staged);
  if (!options.quiet) {
    cliIo().stderr.write(
      `wrote ${Object.keys(files)
        .map((n) => path.join(outDir, n))
        .join(', ')}\n`,
    );
    // To a file a model.json can name: without --out the table went to the terminal (found by a user trial).
    const inside = (name: string) => shellWord(path.join(outDir, name));
    cliIo().stderr.write(
      `bring it back with: highneeds tariffs import ${inside('rates.csv')} --settings ${inside('settings.csv')} --bands ${inside('bands.csv')} --references ${inside('references.csv')} --meta ${inside('tariff.csv')} --out ${inside('tariff.json')}\n`,
    );
  }
  return 0;
}

function opt<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/**
 * Rates of one setting, band and need that the two tables give from different dates: without
 * --at, each is a row removed and a row added, with no difference or percent. An officer's trial
 * compared last year's band table with this year's, every row re-dated, and read 50 rows of
 * removed and added with not one change shown. `at`: the latest date a row is added from, when
 * the second table takes over.
 */
function datedApart(rows: readonly TariffDiffRow[]): { count: number; at: string } | undefined {
  const series = (row: TariffDiffRow) => `${row.setting}\u0000${row.band}\u0000${row.need}`;
  const removed = new Set(
    rows.filter((r) => r.what === 'top-up' && r.kind === 'removed').map(series),
  );
  const added = rows.filter(
    (r) => r.what === 'top-up' && r.kind === 'added' && removed.has(series(r)),
  );
  const count = new Set(added.map(series)).size;
  if (count === 0) return undefined;
  const at = added.reduce((latest, r) => (r.effectiveFrom > latest ? r.effectiveFrom : latest), '');
  return { count, at };
}
