import { error, type Issue } from '../core/issue.js';
import { type Need, needFromLongName, NEED_CODES, parseNeed } from '../core/need.js';
import type { CsvRow, CsvTable } from './csv-table.js';

export const CODES_COLUMNS = { required: ['kind', 'from', 'to'], optional: [] } as const;

/** The local codes of a history read as SEN2 needs and setting ids (codes.csv; docs/calibration.md). */
export interface CodeMap {
  readonly needs: ReadonlyMap<string, Need>;
  readonly settings: ReadonlyMap<string, string>;
}

export const NO_CODES: CodeMap = { needs: new Map(), settings: new Map() };

/** codes.csv: `kind` need or setting, `from` the local code (any case), `to` a SEN2 need or a setting id. */
export function readCodes(table: CsvTable, issues: Issue[]): CodeMap {
  const needs = new Map<string, Need>();
  const settings = new Map<string, string>();
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const kind = row.get('kind').toLowerCase();
    const from = row.get('from');
    const to = row.get('to');
    if (kind !== 'need' && kind !== 'setting') {
      issues.push(
        error(
          'CODE_MAP_INVALID',
          `kind "${row.get('kind')}" is neither need nor setting`,
          row.at('kind'),
        ),
      );
      continue;
    }
    if (from === '' || to === '') {
      issues.push(
        error(
          'MISSING_VALUE',
          `"${from === '' ? 'from' : 'to'}" is empty`,
          row.at(from === '' ? 'from' : 'to'),
        ),
      );
      continue;
    }
    const key = `${kind}\u0000${from.toUpperCase()}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push(
        error(
          'DUPLICATE_ROW',
          `${kind} code "${from}" is already mapped on line ${first}`,
          row.at('from'),
        ),
      );
      continue;
    }
    seen.set(key, row.line);
    if (kind === 'setting') settings.set(from.toUpperCase(), to);
    else {
      const need = parseNeed(to) ?? needFromLongName(to);
      if (need) needs.set(from.toUpperCase(), need);
      else
        issues.push(
          error(
            'CODE_MAP_INVALID',
            `need code "${from}" maps to "${to}", which is not a SEN2 primary-need code`,
            row.at('to'),
            `map it to one of ${NEED_CODES.join(', ')}`,
          ),
        );
    }
  }
  return { needs, settings };
}

/**
 * Reads a history's need and setting cells through the map, each distinct text once: a need is
 * the map's, else a SEN2 code or long name, else a located error; a setting not in the map keeps
 * its own code as its id.
 */
export class CodeReader {
  private readonly needs = new Map<string, Need | undefined>();
  constructor(private readonly map: CodeMap) {}

  need(row: CsvRow, column: string, issues: Issue[]): Need | undefined {
    const text = row.get(column);
    if (text === '') {
      issues.push(error('MISSING_VALUE', `"${column}" is empty`, row.at(column)));
      return undefined;
    }
    let need = this.needs.get(text);
    if (need === undefined && !this.needs.has(text)) {
      need = this.map.needs.get(text.toUpperCase()) ?? parseNeed(text) ?? needFromLongName(text);
      this.needs.set(text, need);
    }
    if (!need)
      issues.push(
        error(
          'UNKNOWN_NEED',
          `need "${text}" is neither mapped in codes.csv nor a SEN2 primary-need code`,
          row.at(column),
          'add a row "need,<code>,<SEN2 code>" to codes.csv',
        ),
      );
    return need;
  }

  setting(row: CsvRow, column: string, issues: Issue[]): string | undefined {
    const text = row.get(column);
    if (text === '') {
      issues.push(error('MISSING_VALUE', `"${column}" is empty`, row.at(column)));
      return undefined;
    }
    return this.map.settings.get(text.toUpperCase()) ?? text;
  }
}
