import * as path from 'node:path';
import { error, type Issue, type Location } from '../core/issue.js';
import { type Need, needFromLongName, NEED_CODES, parseNeed } from '../core/need.js';
import type { CsvRow, CsvTable } from './csv-table.js';
import { unmappedNeedHint } from './unknown-need-hint.js';
import { unmappedNeedMessage } from './codes-advice.js';
import { settingKey } from '../core/setting-key.js';
import { normalisations } from './normalise.js';

export const CODES_COLUMNS = { required: ['kind', 'from', 'to'], optional: [] } as const;

/** The local codes of a history read as SEN2 needs and setting ids (codes.csv; docs/calibration.md). */
export interface CodeMap {
  readonly needs: ReadonlyMap<string, Need>;
  readonly settings: ReadonlyMap<string, string>;
  /** The line of each code (upper case) whose row was refused (CODE_MAP_INVALID), not mapped. */
  readonly refused?: ReadonlyMap<string, number>;
}

export const NO_CODES: CodeMap = { needs: new Map(), settings: new Map() };

/** codes.csv: `kind` need or setting, `from` the local code (any case), `to` a SEN2 need or a setting id. */
export function readCodes(table: CsvTable, issues: Issue[]): CodeMap {
  const needs = new Map<string, Need>();
  const settings = new Map<string, string>();
  const seen = new Map<string, { line: number; to: string }>();
  const refused = new Map<string, number>();
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
          'write need (to map a local need code to a SEN2 code) or setting (a local setting name to the setting id the model will use)',
        ),
      );
      if (from !== '') refused.set(from.toUpperCase(), row.line);
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
    const key = `${kind}\u0000${kind === 'setting' ? settingKey(from) : from.toUpperCase()}`;
    const first = seen.get(key);
    if (first !== undefined) {
      // Said how to fix (an officer's trial): "MAINSTREAM" below "Mainstream" is the same code.
      const alike = `codes match in any case${kind === 'setting' ? ', and with spaces or underscores for hyphens' : ''}, so this row maps the code of line ${first.line}`;
      issues.push(
        error(
          'DUPLICATE_ROW',
          `${kind} code "${from}" is already mapped on line ${first.line}`,
          row.at('from'),
          first.to === to
            ? `${alike} to the same ${kind}: delete it`
            : `${alike}, which maps it to "${first.to}": keep the row of the ${kind} meant`,
        ),
      );
      continue;
    }
    seen.set(key, { line: row.line, to });
    if (kind === 'setting') settings.set(settingKey(from), to);
    else {
      const need = parseNeed(to) ?? needFromLongName(to);
      if (need) needs.set(from.toUpperCase(), need);
      else {
        refused.set(from.toUpperCase(), row.line);
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
  }
  return { needs, settings, refused };
}

const EMPTY_NEED_HINT =
  "give each pupil's primary need; where none is recorded, as SEN2's Unknown is not modelled, give the area's most common need or OTH";

/** An unknown need code's first error, and how many cells of its file and column hold it. */
interface Unknown {
  readonly first: Issue;
  readonly column: string;
  cells: number;
}

/**
 * Reads a history's need and setting cells through the map, each distinct text once: a need is
 * the map's, else a SEN2 code or long name, else a located error; a setting not in the map keeps
 * its own code as its id. An unknown code is an error at every cell it is in (so each such row is
 * refused), and foldUnknownNeeds() then keeps one per file, column and code, with its count: one
 * code a history's codes.csv does not map is one problem, not 634 lines of it.
 */
export class CodeReader {
  private readonly needs = new Map<string, Need | undefined>();
  /** The texts read as a SEN2 long name, not a code or the map's: noted at each cell, as a model's are. */
  private readonly longNames = new Set<string>();
  private readonly unknown = new Map<string, Unknown>();
  private readonly repeats = new Set<Issue>();
  /** Each setting id's first cell: the history's, since the history is read before costs.csv. */
  private readonly settingsAt = new Map<string, Location>();
  /** Each unmapped setting's id, by its settingKey: the way it was first written. */
  private readonly unmapped = new Map<string, string>();
  /** `codesFile`: the --codes file the map was read from, named in the advice; none given, undefined. */
  constructor(
    private readonly map: CodeMap,
    private readonly codesFile?: string,
  ) {}

  need(row: CsvRow, column: string, issues: Issue[]): Need | undefined {
    const text = row.get(column);
    let need = this.needs.get(text);
    if (need === undefined && !this.needs.has(text)) {
      const code = this.map.needs.get(text.toUpperCase()) ?? parseNeed(text);
      need = code ?? needFromLongName(text);
      if (!code && need) this.longNames.add(text);
      this.needs.set(text, need);
    }
    if (!need) issues.push(this.unknownNeed(row, column, text));
    // Said, as a model's cohort.csv says it (CODE_NORMALISED), not read in silence (an analyst's trial).
    else if (this.longNames.has(text))
      normalisations(issues).note('need', row.at(column), row.label(column), text, need);
    return need;
  }

  private unknownNeed(row: CsvRow, column: string, text: string): Issue {
    const at = row.at(column);
    // Codes match in any case (a map row for "Unknown" maps "unknown" too): one code, one problem.
    const key = `${at.file}\u0000${column}\u0000${text.toUpperCase()}`;
    // An empty need is counted as an unknown code is: an extract's pupils with no primary need
    // recorded were an error on each row, with nothing said of what to give (a user trial).
    const issue =
      text === ''
        ? error('MISSING_VALUE', `"${column}" is empty`, at, EMPTY_NEED_HINT)
        : error(
            'UNKNOWN_NEED',
            unmappedNeedMessage(text, this.codesFile),
            at,
            this.refusedHint(text) ?? unmappedNeedHint(text, this.codesFile),
          );
    const seen = this.unknown.get(key);
    if (seen) {
      seen.cells += 1;
      this.repeats.add(issue);
    } else this.unknown.set(key, { first: issue, column, cells: 1 });
    return issue;
  }

  /**
   * A code whose codes.csv row was refused is in the map, but not mapped: "add a row" for it was
   * no help beside that row (found by an officer's trial: kind "needs" on the row for "Autism").
   */
  private refusedHint(text: string): string | undefined {
    const line = this.map.refused?.get(text.toUpperCase());
    if (line === undefined || !this.codesFile) return undefined;
    return `${path.basename(this.codesFile)} has a row for it on line ${line}, but that row is refused (CODE_MAP_INVALID): correct it`;
  }

  /**
   * Keeps each unknown need code once per file and column in `issues` (in place: a million bad
   * rows are too many to spread), at its first cell, with how many cells hold it, as a model CSV's
   * normalisations are counted (src/io/normalise.ts). Call once every file is read.
   */
  foldUnknownNeeds(issues: Issue[]): void {
    if (this.repeats.size === 0) return;
    const counted = new Map<Issue, Issue>();
    for (const { first, column, cells } of this.unknown.values())
      if (cells > 1)
        counted.set(first, {
          ...first,
          message: `${first.message} (${cells} cells of ${column}, the first here)`,
        });
    let kept = 0;
    for (const issue of issues)
      if (!this.repeats.has(issue)) issues[kept++] = counted.get(issue) ?? issue;
    issues.length = kept;
  }

  setting(row: CsvRow, column: string, issues: Issue[]): string | undefined {
    const text = row.get(column);
    if (text === '') {
      issues.push(error('MISSING_VALUE', `"${column}" is empty`, row.at(column)));
      return undefined;
    }
    const key = settingKey(text);
    const mapped = this.map.settings.get(key);
    if (mapped !== undefined) {
      if (!this.settingsAt.has(mapped)) this.settingsAt.set(mapped, row.at(column));
      return mapped;
    }
    // An unmapped setting is its own id, as first written: "special school" in one January and
    // "Special school" in the next were two settings, and every pupil a move between them (a
    // user trial's extract fitted a move rate of 0.88). Written another way, it is read as the
    // first way, and said (CODE_NORMALISED).
    const first = this.unmapped.get(key);
    if (first === undefined) {
      this.unmapped.set(key, text);
      this.settingsAt.set(text, row.at(column));
      return text;
    }
    if (first !== text)
      normalisations(issues).note('setting', row.at(column), row.label(column), text, first);
    return first;
  }

  /** Where a setting id was first read. */
  settingAt(setting: string): Location | undefined {
    return this.settingsAt.get(setting);
  }
}
