import * as path from 'node:path';
import { InputError, UsageError } from '../../core/errors.js';
import { hasErrors } from '../../core/issue.js';
import { type AcademicYear, formatAcademicYear, parseAcademicYear } from '../../core/period.js';
import { yearHint } from '../../core/year-hint.js';
import { displayPath } from '../../io/files.js';
import { initTemplate, type TemplateFile } from '../../io/init-template.js';
import { writeModelFolder } from '../write-or-print.js';
import { libraryIds, readTariffFile, resolveTariff } from '../../io/tariff-library.js';
import { defaultTariffDir } from '../version.js';
import { cliIo } from '../cli-io.js';
import { shellWord } from '../shell-word.js';
import { messageWidth } from '../terminal.js';
import { fitText } from '../../report/fit-width.js';

export interface InitOptions {
  readonly area?: string;
  readonly name?: string;
  readonly tariff?: string;
  readonly national?: boolean;
  readonly baseYear?: string;
  readonly quiet?: boolean;
}

/** The library table a new model starts from (tariffs/README.md: the shipped example area's banding, every setting priced). */
export const DEFAULT_INIT_TARIFF = 'example-borough-2025';

/**
 * The academic year of the most recent January census on a date: the one holding that date's
 * calendar year's January (in December 2026, the January 2026 census, so 2025/26).
 */
export function latestCensusYear(today: Date): AcademicYear {
  return today.getFullYear() - 1;
}

/**
 * `highneeds init DIR`: a new model folder (or with --national a national one) holding every file
 * with its header and an example row that validates against the chosen tariff, and a README.md
 * explaining each column. The paths written go to stdout, the next commands to stderr.
 */
export async function runInit(dir: string, options: InitOptions): Promise<number> {
  const code = (options.area ?? '000').trim();
  const name = (options.name ?? 'New Authority').trim();
  if (code === '' || /[\p{Cc}]/u.test(code))
    throw new UsageError(`--area must be an area code such as 880, not "${options.area ?? ''}"`);
  if (name === '' || /[\p{Cc}]/u.test(name))
    throw new UsageError(`--name must be the area's name, not "${options.name ?? ''}"`);
  let baseYear: AcademicYear | undefined = latestCensusYear(new Date());
  if (options.baseYear !== undefined) {
    baseYear = parseAcademicYear(options.baseYear);
    // With what was meant, where it is plain (2025-26 is a financial year's way of writing it).
    const hint = baseYear === undefined ? yearHint(options.baseYear, 'academic') : undefined;
    if (baseYear === undefined)
      throw new UsageError(
        `--base-year must be an academic year written like 2025/26, not "${options.baseYear}"${hint ? `: ${hint}` : ''}`,
      );
  }

  // A library id is named as such in model.json; a tariff file is copied into the folder.
  const library = defaultTariffDir();
  const wanted = options.tariff ?? DEFAULT_INIT_TARIFF;
  const file = resolveTariff(wanted, library);
  if (!file)
    throw new UsageError(
      `--tariff "${wanted}" is neither a tariff file nor the id of one in the library (${libraryIds(library).join(', ')})`,
    );
  const loaded = readTariffFile(file);
  if (!loaded.tariff || hasErrors(loaded.issues)) throw new InputError(loaded.issues);
  const isLibraryId = path.resolve(file) === path.resolve(library, `${wanted}.json`);
  const files: TemplateFile[] = initTemplate({
    code,
    name,
    tariffName: isLibraryId ? wanted : 'tariff.json',
    tariff: loaded.tariff,
    baseYear,
    national: Boolean(options.national),
  });
  // The text read and checked above, within the input limits: not the file read a second time.
  if (!isLibraryId) files.push({ name: 'tariff.json', text: loaded.text! });

  const written = await writeModelFolder(dir, '<dir>', files);
  cliIo().stdout.write(written.map((target) => `${displayPath(target)}\n`).join(''));
  if (!options.quiet) {
    const where = displayPath(path.resolve(dir));
    const run = options.national
      ? `highneeds batch ${shellWord(where)} --out-dir ${shellWord(path.join(where, 'out'))}`
      : `highneeds project ${shellWord(where)}`;
    const width = messageWidth();
    cliIo().stderr.write(
      [
        fitText(
          `highneeds: wrote a ${options.national ? 'national ' : ''}model folder for ${code} ${name}: base year ${formatAcademicYear(baseYear)} (the January ${baseYear + 1} census), tariff ${isLibraryId ? wanted : `${loaded.tariff.id} (copied as tariff.json)`}`,
          width,
        ),
        fitText(
          `Replace the example rows with your own figures (${path.join(where, 'README.md')} says what each column means and where it comes from), then:`,
          width,
        ),
        `  highneeds validate ${shellWord(where)}`,
        `  ${run}`,
        '',
      ].join('\n'),
    );
  }
  return 0;
}
