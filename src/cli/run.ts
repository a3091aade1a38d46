import { settleMadeFolders } from '../io/write-output.js';
import { type CliIo, processIo, withCliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';
import { wantsJson } from './print-issues.js';
import { program } from './program.js';
import { reportFailure } from './report-failure.js';

/**
 * Runs one command line (argv as process.argv: node, script, then the arguments) and returns
 * its exit code; nothing here exits the process. `io` is the process's streams and environment
 * unless a caller (a test) passes its own.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  return await withCliIo({ io, everyIssue: wantsJson(argv) }, async () => {
    let code: number = EXIT.ok;
    let failed = false;
    try {
      await program((value) => {
        code = value;
      }).parseAsync([...argv]);
    } catch (cause) {
      failed = true;
      code = await reportFailure(cause);
    }
    settleMadeFolders(failed);
    return await stdoutWritten(code, io);
  });
}

/**
 * A run whose stdout could not be written did not do its job (`> /dev/full`: exit 2 with the
 * reason), except when the reader has simply gone: EPIPE ends quietly, as Unix tools do.
 */
async function stdoutWritten(code: number, io: CliIo): Promise<number> {
  const failure = await io.stdout.failure();
  if (failure === undefined) return code;
  if (failure.code === 'EPIPE') return code === EXIT.ok ? EXIT.closedPipe : code;
  io.stderr.write(`highneeds: cannot write to stdout: ${failure.message}\n`);
  return code === EXIT.ok ? EXIT.usage : code;
}
