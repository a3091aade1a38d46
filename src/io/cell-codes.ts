import type { Issue } from '../core/issue.js';
import type { Need } from '../core/need.js';
import type { CsvRow } from './csv-table.js';
import { ncyCell, needCell } from './cell-parsers.js';
import { flagCell } from './flag-cell.js';
import { ParsedOnce } from './parsed-once.js';
import type { TariffCheck } from './tariff-check.js';

/**
 * The cells that say which cell of the model a row is about (NCY, need, setting, band,
 * out_of_area), for one read of cohort.csv or new-plans.csv: an area's rows repeat a few dozen
 * such texts, so each is parsed and checked once (ParsedOnce), not at every row.
 */
export class CellCodes {
  readonly ncy = new ParsedOnce<number>(ncyCell);
  readonly need = new ParsedOnce<Need>(needCell);
  readonly setting: ParsedOnce<string>;
  readonly outOfArea = new ParsedOnce<boolean>(flagCell);
  /** A band is checked against its setting's rates, so it is parsed once per setting. */
  private readonly bands = new Map<string | undefined, ParsedOnce<string>>();

  constructor(private readonly tariff: TariffCheck) {
    this.setting = new ParsedOnce((row, column, issues) => tariff.setting(row, column, issues));
  }

  band(
    row: CsvRow,
    column: string,
    setting: string | undefined,
    issues: Issue[],
    times = 1,
  ): string | undefined {
    let parsed = this.bands.get(setting);
    if (!parsed) {
      parsed = new ParsedOnce((r, c, i) => this.tariff.band(r, c, setting, i));
      this.bands.set(setting, parsed);
    }
    return parsed.read(row, column, issues, times);
  }
}
