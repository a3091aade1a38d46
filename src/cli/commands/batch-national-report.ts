import * as path from 'node:path';
import type { BatchResult } from '../../io/batch/run.js';
import type { printBatch } from '../../report/batch-print.js';
import type { buildBatchManifest } from '../../report/manifest.js';
import type { NationalReportInput } from '../../report/presentation/national-report.js';
import { NATIONAL_REPORT } from './batch-output-names.js';

/** batch --report DIR: the national report as HTML and XLSX (src/report/presentation/national-report.ts). */
export async function nationalReport(
  dir: string,
  result: BatchResult,
  national: ReturnType<typeof printBatch>['national'],
  manifest: ReturnType<typeof buildBatchManifest>,
  /** The areas that failed, their paths named as failures.csv names them. */
  failures: NonNullable<NationalReportInput['failures']>,
  extra: Pick<NationalReportInput, 'ranges' | 'warnings'>,
): Promise<{ target: string; text: string | Uint8Array }[]> {
  const { renderNationalReport } = await import('../../report/presentation/national-output.js');
  const { html, xlsx } = await renderNationalReport({
    scenarios: result.scenarios,
    national,
    rows: result.rows,
    manifest,
    failures,
    ...extra,
  });
  return [
    { target: path.join(dir, NATIONAL_REPORT[0]), text: html },
    { target: path.join(dir, NATIONAL_REPORT[1]), text: xlsx },
  ];
}
