import { settingKey, settingsHint } from '../core/setting-key.js';
import { spreadsheetErrorValue } from './why-not-decimal.js';
import { error, type Issue, type Location } from '../core/issue.js';
import type { Tariff } from '../core/tariff.js';
import type { CsvRow } from './csv-table.js';
import { normalisations } from './normalise.js';

/** Checks CSV cells that name tariff settings and bands against the model's tariff. */
export class TariffCheck {
  private readonly settings: ReadonlySet<string>;
  /** Each setting id by its loose form (settingKey), when no other id shares that form. */
  private readonly loose = new Map<string, string | undefined>();
  private readonly bands = new Map<string, Set<string>>();

  constructor(private readonly tariff: Tariff | undefined) {
    this.settings = new Set(tariff?.settings.map((s) => s.id) ?? []);
    for (const id of this.settings) {
      const key = settingKey(id);
      this.loose.set(key, this.loose.has(key) ? undefined : id);
    }
    for (const rate of tariff?.rates ?? []) {
      const set = this.bands.get(rate.setting) ?? new Set<string>();
      set.add(rate.band);
      this.bands.set(rate.setting, set);
    }
  }

  placeValueIsZero(setting: string): boolean {
    return this.tariff?.settings.find((s) => s.id === setting)?.placeValue.isZero() ?? false;
  }

  /** The setting in a cell, if the tariff declares it. Without a usable tariff, any non-empty text passes. */
  setting(row: CsvRow, column: string, issues: Issue[], optional = false): string | undefined {
    const text = row.get(column);
    if (text === '') {
      if (!optional)
        issues.push(error('MISSING_VALUE', `"${row.label(column)}" is empty`, row.at(column)));
      return undefined;
    }
    if (this.tariff && !this.settings.has(text)) {
      const id = this.loose.get(settingKey(text));
      if (id !== undefined) {
        normalisations(issues).note('setting', row.at(column), row.label(column), text, id);
        return id;
      }
      issues.push(
        error(
          'UNKNOWN_SETTING',
          `setting "${text}" is not in tariff "${this.tariff.id}"`,
          row.at(column),
          spreadsheetErrorValue(text, 'a code') ??
            settingsHint(text, this.settings, this.tariff.settings),
        ),
      );
      return undefined;
    }
    return text;
  }

  /** Whether the tariff declares the setting (any setting passes without a usable tariff). */
  knows(setting: string): boolean {
    return !this.tariff || this.settings.has(setting);
  }

  /** A setting named in a JSON field (`path`, at `where`), if the tariff declares it. */
  namedSetting(text: string, path: string, where: Location, issues: Issue[]): string | undefined {
    if (this.knows(text)) return text;
    issues.push(
      error(
        'UNKNOWN_SETTING',
        `${path} "${text}" is not a setting in tariff "${this.tariff!.id}"`,
        where,
        settingsHint(text, this.settings, this.tariff!.settings),
      ),
    );
    return undefined;
  }

  /**
   * What an empty band should hold: the setting's bands (a fee-based setting's is `fee`), and, in
   * a table with annual_cost (cohort.csv), that a row giving its own cost may leave band empty;
   * new-plans.csv has no annual_cost column, so it is not offered there.
   */
  private emptyBandHint(row: CsvRow, setting: string | undefined): string {
    const known = setting === undefined ? [] : [...(this.bands.get(setting) ?? [])];
    const bands = known.length
      ? `give the band: bands for ${setting}: ${known.join(', ')}`
      : 'give a band the tariff prices for the setting';
    return row.has('annual_cost')
      ? `${bands}; only a row with annual_cost may leave band empty`
      : bands;
  }

  /** The band in a cell, if the tariff prices it for the setting. */
  band(
    row: CsvRow,
    column: string,
    setting: string | undefined,
    issues: Issue[],
  ): string | undefined {
    const text = row.get(column);
    if (text === '') {
      issues.push(
        error(
          'MISSING_VALUE',
          `"${row.label(column)}" is empty`,
          row.at(column),
          this.emptyBandHint(row, setting),
        ),
      );
      return undefined;
    }
    if (this.tariff && setting !== undefined && !this.bands.get(setting)?.has(text)) {
      const known = [...(this.bands.get(setting) ?? [])];
      // "Band 2" as a spreadsheet labels it: name the band it spells (found by a user trial); and
      // "2.00", band 2 in a column a spreadsheet formatted as a number (an officer's trial).
      const bare = /^band\s*(.+)$/i.exec(text.trim())?.[1];
      const decimals = /^(\d+)\.0+$/.exec(text.trim())?.[1];
      const spelt = known.find((band) => band.toLowerCase() === (bare ?? decimals)?.toLowerCase());
      const why =
        decimals === undefined
          ? ''
          : ' (a number format added the decimal places: format the column as General)';
      issues.push(
        error(
          'UNKNOWN_BAND',
          `band "${text}" has no rate for setting "${setting}" in tariff "${this.tariff.id}"`,
          row.at(column),
          spreadsheetErrorValue(text, 'a code') ??
            (known.length
              ? `${spelt ? `write it ${spelt}${why}; ` : ''}bands for ${setting}: ${known.join(', ')}`
              : `the tariff has no rates for ${setting}`),
        ),
      );
      return undefined;
    }
    return text;
  }
}
