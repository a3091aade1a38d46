import { InputError, UsageError } from '../core/errors.js';

/**
 * runBatch reports a --scenarios id the national model does not define as an input error with no
 * place (the library has no options). On the command line it is a bad option value, as it is for
 * every other command (src/cli/open-model.ts, findScenarios): a usage error located at the option.
 * Only when those are the run's only errors; with a broken input beside them it stays exit 1.
 */
export function scenarioOptionUsage(cause: unknown, option: '--scenarios'): unknown {
  if (!(cause instanceof InputError)) return cause;
  const errors = cause.issues.filter((issue) => issue.severity === 'error');
  const optionOnly = errors.every(
    (issue) => issue.code === 'UNKNOWN_SCENARIO' && issue.location === undefined,
  );
  if (errors.length === 0 || !optionOnly) return cause;
  return new UsageError(
    `${option}: unknown scenario`,
    cause.issues.map((issue) =>
      issue.code === 'UNKNOWN_SCENARIO' && issue.location === undefined
        ? { ...issue, location: { file: option } }
        : issue,
    ),
  );
}
