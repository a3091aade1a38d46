import { InputError } from '../../core/errors.js';
import { displayPath } from '../../io/files.js';
import { formatIssues } from '../print-issues.js';
import { issuePaint } from '../terminal.js';
import { defaultModelDir } from '../version.js';
import { loadAndProject } from './project.js';

/**
 * `highneeds validate [model-dir]`: every check `project` makes, including the ones only
 * a projection can make (a rate in force for every month pupils occupy), and no output.
 */
export async function runValidate(dirArgument: string | undefined, options: { quiet?: boolean }): Promise<number> {
  const dir = dirArgument ?? defaultModelDir();
  const { projection, issues } = loadAndProject(dir);
  if (!projection) throw new InputError(issues);
  if (issues.length) process.stderr.write(formatIssues(issues, await issuePaint()));
  if (!options.quiet) process.stdout.write(`${displayPath(dir)}: ok (${projection.years.length} financial year${projection.years.length === 1 ? '' : 's'}, tariff ${projection.tariff.id})\n`);
  return 0;
}
