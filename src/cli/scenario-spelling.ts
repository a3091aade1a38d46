import { UsageError } from '../core/errors.js';
import { cliIo } from './cli-io.js';

/**
 * `project` and `solve` run one scenario (--scenario ID); `compare`, `batch` and `report` several
 * (--scenarios a,b). Each accepts the other's spelling where the meaning is plain, with a note
 * on stderr, and refuses it with the right command where it is not.
 */
interface Spellings {
  readonly scenario?: string;
  readonly scenarios?: string;
  readonly quiet?: boolean;
}

/** For `project` and `solve`: --scenarios naming one scenario is --scenario; naming several is a usage error. */
export function scenarioFromScenarios(command: string, options: Spellings): { scenario?: string } {
  if (options.scenarios === undefined) return {};
  if (options.scenario !== undefined)
    throw new UsageError(`give --scenario once: ${command} runs one scenario`);
  const ids = scenarioIds(options.scenarios);
  if (ids.length !== 1) {
    throw new UsageError(
      `${command} runs one scenario, given as --scenario ID; to put ${ids.join(', ')} side by side run highneeds compare --scenarios ${ids.join(',')}`,
    );
  }
  if (!options.quiet)
    cliIo().stderr.write(
      `highneeds: note: ${command} takes --scenario ID; reading --scenarios ${options.scenarios} as --scenario ${ids[0]}\n`,
    );
  return { scenario: ids[0]! };
}

/**
 * For `compare`, `batch` and `report`: --scenario ID is --scenarios ID. batch and report refused it
 * as an unknown option (found by a DfE analyst's national trial, who ran one scenario of a batch
 * as project runs one), though this file said batch took it.
 */
export function scenariosFromScenario(
  command: 'compare' | 'batch' | 'report',
  options: Spellings,
): { scenarios?: string } {
  if (options.scenario === undefined) return {};
  const spelling =
    command === 'compare' ? '--scenarios a,b (the first as the baseline)' : '--scenarios a,b';
  if (options.scenarios !== undefined)
    throw new UsageError(`give ${spelling}, not both --scenarios and --scenario`);
  if (!options.quiet)
    cliIo().stderr.write(
      `highneeds: note: ${command} takes ${spelling}; reading --scenario ${options.scenario} as --scenarios ${options.scenario}\n`,
    );
  return { scenarios: options.scenario };
}

/**
 * --scenarios a,b as ids, in order. A scenario named twice is a usage error: each would be run and
 * counted, so a batch's national totals would add its areas twice. So is a list of none (an empty
 * shell variable, found by a user trial): batch modelled no area and exited 0, compare and report ran them all.
 * No option (undefined) is undefined: every scenario.
 */
export function scenarioIds<T extends string | undefined>(
  text: T,
): T extends string ? string[] : undefined;
export function scenarioIds(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const ids = text
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  if (ids.length === 0)
    throw new UsageError(
      `--scenarios "${text}" names no scenario; give a scenario's id (several, comma-separated, where the command takes more than one), or leave --scenarios out`,
    );
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice !== undefined)
    throw new UsageError(`--scenarios names "${twice}" twice; name each scenario once`);
  return ids;
}
