import type { Command } from 'commander';
import { ALLOW_OUTSIDE_HELP, bomOption, formatOption } from './shared-options.js';
import { quietOption } from './quiet-option.js';

const tariffs = () => import('./commands/tariffs.js');

/** `highneeds tariffs` and its subcommands: registered here, run by ./commands/tariffs.ts when called. */
export function addTariffCommands(root: Command, setExit: (code: number) => void): void {
  const group = root
    .command('tariffs')
    .description('check, show, compare, import and export band and tariff tables');
  group
    .command('list')
    .description('the tables in the library: id, title, years, settings, bands, sources')
    .option('--dir <dir>', 'library folder (default: the shipped tariffs/)')
    .addOption(formatOption())
    .option('--out <file>', 'write to this file')
    .addOption(bomOption())
    .action(async (options) => setExit(await (await tariffs()).runList(options)));
  group
    .command('show')
    .description('a table: every row, or the rows in force on a date')
    .argument('<tariff>', 'a file, or an id in the library')
    .option('--at <date>', 'show the rows in force on this date (YYYY-MM-DD), uplifted as declared')
    .option('--dir <dir>', 'library folder')
    .addOption(formatOption())
    .option('--out <file>', 'write to this file')
    .addOption(bomOption())
    .action(async (tariff: string, options) =>
      setExit(await (await tariffs()).runShow(tariff, options)),
    );
  group
    .command('check')
    .description('validate tariff files (default: the whole library); every problem at once')
    .argument('[files...]', 'tariff files, or ids of tables in the library')
    .option('--dir <dir>', 'library folder')
    .addOption(quietOption())
    .action(async (files: string[], options) =>
      setExit(await (await tariffs()).runCheck(files, options)),
    );
  group
    .command('diff')
    .description('rows that differ between two tables, and with --model what switching costs')
    .argument('<a>', 'the table you have (file or id)')
    .argument('<b>', 'the table to compare (file or id)')
    .option('--at <date>', 'compare the rows in force on this date')
    .option(
      '--model [dir]',
      'project this model under both tables (default: the example); in CSV, that cost alone',
    )
    .option('--dir <dir>', 'library folder')
    .addOption(formatOption())
    .option('--out <file>', 'write to this file')
    .addOption(bomOption())
    .option('--allow-outside', `with --model: ${ALLOW_OUTSIDE_HELP}`)
    .action(async (a: string, b: string, options) =>
      setExit(await (await tariffs()).runDiff(a, b, options)),
    );
  group
    .command('import')
    .description('a tariff from its spreadsheet form (CSV), as JSON')
    .argument('<rates>', 'rates CSV: effective_from,setting,band,need,top_up')
    .requiredOption('--settings <file>', 'settings CSV: setting,label,place_value')
    .option('--bands <file>', 'bands CSV: setting,band,label')
    .option('--references <file>', 'references CSV: id,title,url')
    .option('--meta <file>', 'tariff CSV: field,value (id, title, uplift…)')
    .option('--id <id>', 'tariff id')
    .option('--title <title>', 'tariff title')
    .option('--reference <url>', 'the source of the table')
    .option('--reference-title <title>', 'the title of that source')
    .option('--out <file>', 'write the JSON here')
    .addOption(quietOption())
    .action(async (rates: string, options) =>
      setExit(await (await tariffs()).runImport(rates, options)),
    );
  group
    .command('export')
    .description('a tariff as canonical JSON, or with --csv in its spreadsheet form')
    .argument('<tariff>', 'a file, or an id in the library')
    .option('--csv', 'write tariff.csv, references.csv, settings.csv, bands.csv and rates.csv')
    .option('--out-dir <dir>', 'folder for --csv (default: <id>-csv)')
    .option('--bom', "start each --csv file with Excel's byte order mark (the default)")
    .option('--no-bom', 'write the --csv files without the byte order mark')
    .option('--force', 'with --csv, replace the files of an earlier export in --out-dir')
    .option('--out <file>', 'write the JSON here')
    .option('--dir <dir>', 'library folder')
    .addOption(quietOption())
    .action(async (tariff: string, options) =>
      setExit(await (await tariffs()).runExport(tariff, options)),
    );
}
