import { InputError } from '../../core/errors.js';
import { hasErrors } from '../../core/issue.js';
import { displayPath } from '../../io/files.js';
import { limitsFromEnvironment } from '../../io/limits.js';
import { type BatchResult, runBatch } from '../../io/batch/run.js';
import { batchProgress } from '../batch-progress.js';
import { issuesWithAreas } from '../../report/area-issues.js';
import { cliIo } from '../cli-io.js';
import { formatIssues } from '../print-issues.js';
import { issuePaint } from '../terminal.js';
import { defaultTariffDir } from '../version.js';
import { nationalIssues } from './national-issues.js';

/** `highneeds validate` on a national model (or a folder of model folders): every area read and projected under each scenario; every problem at once. */
export async function runValidateNational(
  dir: string,
  options: { quiet?: boolean; hnbFrom?: readonly string[]; allowOutside?: boolean },
): Promise<number> {
  // batch's progress: every area is read and projected, some 10 s for 153 areas on 2 cores, which
  // validate spent with nothing on the terminal (found by a DfE analyst's trial).
  const progress = await batchProgress({ quiet: Boolean(options.quiet) });
  let result: BatchResult;
  try {
    result = await runBatch(dir, {
      ...(options.allowOutside ? { allowOutside: true } : {}),
      ...(options.hnbFrom ? { hnbFrom: options.hnbFrom } : {}),
      limits: limitsFromEnvironment(cliIo().env),
      libraryDir: defaultTariffDir(),
      // As validate of one model does: where a ranged lever at a bound would stop simulate.
      checkRanges: true,
      onProgress: (done, total, workDone) => progress.update(done, total, workDone),
    });
  } finally {
    progress.stop();
  }
  const issues = issuesWithAreas(result.areas, nationalIssues(result), result.areas.length);
  if (hasErrors(issues)) throw new InputError(issues);
  if (issues.length) cliIo().stderr.write(formatIssues(issues, await issuePaint()));
  const scenarios = result.scenarios.filter((id) => id !== '').length;
  if (!options.quiet)
    cliIo().stdout.write(
      `${displayPath(dir)}: ok (${result.areas.length} area${result.areas.length === 1 ? '' : 's'}${scenarios ? `, ${scenarios} scenario${scenarios === 1 ? '' : 's'}` : ''})\n`,
    );
  return 0;
}
