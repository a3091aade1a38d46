// What a batch writes, by name: the files it checks, replaces and removes.

/** What every run writes into --out-dir (intervals.csv too, with --draws). */
export const OUTPUTS = ['summary.csv', 'national.csv', 'failures.csv', 'manifest.json'] as const;

/** What --report writes into its folder. */
export const NATIONAL_REPORT = ['national-report.html', 'national-report.xlsx'] as const;

/** What an earlier batch run leaves, or an interrupted one (src/io/write-output.ts names its temporary and set-aside files so). */
export const OURS =
  /^(?:summary|national|failures|intervals)\.csv$|^national-report\.(?:html|xlsx)$|^\.(?:(?:summary|national|failures|intervals)\.csv|manifest\.json|national-report\.(?:html|xlsx))\.(?:tmp|old)-\d+$/;

/** An earlier batch's outputs that a run which does not write them removes (removeStale). */
export const STALE_WHEN_NOT_WRITTEN = [
  'intervals.csv',
  'national-report.html',
  'national-report.xlsx',
] as const;
