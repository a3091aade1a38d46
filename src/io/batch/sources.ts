import type { Issue } from '../../core/issue.js';
import type { BatchTask, NationalTask, SourcesInit } from './wire.js';
import type { InputDigest } from '../input-reader.js';
import type { AreaFailure } from './area-code-clash.js';

/** The areas' work, before any area is modelled. */
export interface BatchSources {
  /** Sent once to each worker; scenarios are filled in by the caller. */
  readonly init: SourcesInit;
  readonly tasks: readonly BatchTask[];
  /** Areas that fail before they are modelled: a duplicated code, rows for an area not in areas.csv, no cohort rows. */
  readonly failures: ReadonlyMap<string, AreaFailure>;
  /** The areas' other codes (areas.csv's ons_code, la_code) → each one's area code. */
  readonly otherCodes?: ReadonlyMap<string, string>;
  /** Problems with the national files themselves (an error here stops the whole run). */
  readonly issues: readonly Issue[];
  /** Every file read, with its SHA-256: for the provenance manifest, and for refusing to write over one. */
  readonly digests: readonly InputDigest[];
  /**
   * The warnings among `issues` that name areas (NO_AREA_ROWS), by area, as a run of that area
   * alone is told them (src/io/national-area.ts, --area). Made with the rest, rather than on asking:
   * asking would keep every national table's rows for as long as the sources are kept (a batch).
   */
  readonly areaWarnings?: ReadonlyMap<string, readonly Issue[]>;
}

/**
 * Areas handed on while the national cohort is still being read: `begin` once, with the sources
 * read so far, before the first; then `area` as each area's rows end (a national cohort lists an
 * area's rows together). BatchSources.tasks gives each such task again, as the same object, when
 * the rest of the file bore it out, and a new one when more of the area's rows came later.
 */
export interface EarlyAreas {
  begin(init: SourcesInit): void;
  area(task: NationalTask): void;
}
