import { InputError } from '../../core/errors.js';
import { hasErrors } from '../../core/issue.js';
import { displayPath } from '../../io/files.js';
import { limitsFromEnvironment } from '../../io/limits.js';
import { runBatch } from '../../io/batch/run.js';
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
  const result = await runBatch(dir, {
    ...(options.allowOutside ? { allowOutside: true } : {}),
    ...(options.hnbFrom ? { hnbFrom: options.hnbFrom } : {}),
    limits: limitsFromEnvironment(cliIo().env),
    libraryDir: defaultTariffDir(),
    // As validate of one model does: where a ranged lever at a bound would stop simulate.
    checkRanges: true,
  });
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
