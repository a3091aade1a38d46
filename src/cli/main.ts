import { outputsCommitted, removeUnfinished } from '../io/write-output.js';
import { main } from './run.js';
import { clearSpinners } from './terminal.js';

/** An interrupted run leaves previous outputs intact and removes its temporary files and the folders it made empty. */
function onSignal(signal: NodeJS.Signals, code: number): void {
  process.on(signal, () => {
    // A signal that arrives once every output is in place interrupts nothing: let the run end normally.
    if (outputsCommitted()) return;
    removeUnfinished();
    clearSpinners();
    process.stderr.write(
      `highneeds: interrupted (${signal}); earlier output files are unchanged\n`,
    );
    process.exit(code);
  });
}

onSignal('SIGINT', 130);
onSignal('SIGTERM', 143);
process.exitCode = await main(process.argv);
