import { Command } from 'commander';
import { narrowItem } from './narrow-help.js';
import { cliIo } from './cli-io.js';
import { addBatchCommand } from './batch-command.js';
import { addCompareCommand } from './compare-command.js';
import { addExplainCommand } from './explain-command.js';
import { examplesText } from './examples-text.js';
import { addHistoryCommands } from './history-commands.js';
import { addInitCommand } from './init-command.js';
import { addNffCommand } from './nff-command.js';
import { refuseOptionAsValue } from './option-as-value.js';
import { refuseRepeatedOptions } from './option-once.js';
import { unknownOptionFirst } from './unknown-option-first.js';
import { addProjectCommand } from './project-command.js';
import { addReportCommand } from './report-command.js';
import { addSimulateCommand } from './simulate-command.js';
import { addSolveCommand } from './solve-command.js';
import { addTariffCommands } from './tariff-commands.js';
import { addValidateCommand } from './validate-command.js';
import { toolVersion } from './version.js';
import { UsageError } from '../core/errors.js';
import { andList } from '../core/words.js';
import { raisedLimit, unreadLimitVariables } from '../io/limits.js';

/** The command line's grammar: every command, its options and help, each registered from its own file. */
export function program(setExit: (code: number) => void): Command {
  const root = new Command('highneeds')
    .description(
      'Project England high-needs (SEND) spend, income and DSG balance from an EHCP cohort and a tariff table',
    )
    .version(toolVersion())
    .exitOverride()
    .showHelpAfterError('(run highneeds --help for usage)')
    // Help, --version and commander's own errors go to the run's streams (set before any command is added: they inherit it).
    .configureOutput({
      writeOut: (text) => cliIo().stdout.write(text),
      writeErr: (text) => cliIo().stderr.write(text),
      getOutHelpWidth: () => cliIo().stdout.columns ?? 80,
      getErrHelpWidth: () => cliIo().stderr.columns ?? 80,
    })
    // Commander leaves a description column narrower than 40 unwrapped, for the terminal to break
    // mid-word: every option at 60 columns (found by a user trial). Wrapped down to 20, and
    // below that put under its term (narrowItem).
    .configureHelp({ minWidthToWrap: 20, formatItem: narrowItem })
    // Before any command's work: a limit variable it cannot read is a mistake said at once.
    .hook('preAction', () => {
      const unread = unreadLimitVariables(cliIo().env);
      if (unread.length) {
        const { name } = unread[0]!;
        const example = raisedLimit(name);
        const grouped = example.toLocaleString('en-GB');
        throw new UsageError(
          `${andList(unread.map((u) => `${u.name}=${JSON.stringify(u.text)}`))} ${unread.length === 1 ? 'is not a whole number' : 'are not whole numbers'} above 0: give the limit as digits, such as ${name}=${example}${grouped === String(example) ? '' : ` (or ${grouped})`}, or leave the variable unset`,
        );
      }
    });
  addProjectCommand(root, setExit);
  addInitCommand(root, setExit);
  addValidateCommand(root, setExit);
  addNffCommand(root, setExit);
  addBatchCommand(root, setExit);
  addSimulateCommand(root, setExit);
  addReportCommand(root, setExit);
  addCompareCommand(root, setExit);
  addSolveCommand(root, setExit);
  addExplainCommand(root, setExit);
  addTariffCommands(root, setExit);
  addHistoryCommands(root, setExit);
  teach(root, '');
  return root;
}

/**
 * Every command exits through main's catch, points at its own --help after a mistake
 * (`highneeds project --help`, not the top level's), refuses an option of one value given
 * twice, and ends its help with examples.
 */
function teach(command: Command, name: string): void {
  command.exitOverride();
  refuseRepeatedOptions(command);
  refuseOptionAsValue(command);
  unknownOptionFirst(command);
  command.showHelpAfterError(`(run highneeds ${name ? `${name} ` : ''}--help for usage)`);
  // At the width of the stream the help goes to, as commander's part is: after a mistake (a
  // command group given no command) that is stderr, where examples fitted to stdout's 80 ran
  // past a 60-column terminal (found by a review).
  command.addHelpText('after', ({ error }) =>
    examplesText(name, (error ? cliIo().stderr : cliIo().stdout).columns ?? 80),
  );
  for (const sub of command.commands) teach(sub, name ? `${name} ${sub.name()}` : sub.name());
}
