import { error, type Issue, type Location } from '../core/issue.js';
import type { Tariff } from '../core/tariff.js';
import type { CsvRow } from './csv-table.js';

/** Checks CSV cells that name tariff settings and bands against the model's tariff. */
export class TariffCheck {
  private readonly settings: ReadonlySet<string>;
  private readonly bands = new Map<string, Set<string>>();

  constructor(private readonly tariff: Tariff | undefined) {
    this.settings = new Set(tariff?.settings.map((s) => s.id) ?? []);
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
      if (!optional) issues.push(error('MISSING_VALUE', `"${column}" is empty`, row.at(column)));
      return undefined;
    }
    if (this.tariff && !this.settings.has(text)) {
      issues.push(error('UNKNOWN_SETTING', `setting "${text}" is not in tariff "${this.tariff.id}"`, row.at(column), `settings: ${[...this.settings].join(', ')}`));
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
    issues.push(error('UNKNOWN_SETTING', `${path} "${text}" is not a setting in tariff "${this.tariff!.id}"`, where, `settings: ${[...this.settings].join(', ')}`));
    return undefined;
  }

  /** The band in a cell, if the tariff prices it for the setting. */
  band(row: CsvRow, column: string, setting: string | undefined, issues: Issue[]): string | undefined {
    const text = row.get(column);
    if (text === '') {
      issues.push(error('MISSING_VALUE', `"${column}" is empty`, row.at(column), 'only a row with annual_cost may leave band empty'));
      return undefined;
    }
    if (this.tariff && setting !== undefined && !this.bands.get(setting)?.has(text)) {
      const known = [...(this.bands.get(setting) ?? [])];
      issues.push(error('UNKNOWN_BAND', `band "${text}" has no rate for setting "${setting}" in tariff "${this.tariff.id}"`, row.at(column), known.length ? `bands for ${setting}: ${known.join(', ')}` : `the tariff has no rates for ${setting}`));
      return undefined;
    }
    return text;
  }
}
