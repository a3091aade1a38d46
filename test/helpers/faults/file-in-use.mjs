// node:fs on Windows with the outputs open in Excel: every file that is there, except the atomic
// writer's own (`.NAME.tmp-PID`, `.NAME.old-PID`: src/io/write-output.ts), is held open, so
// neither renaming it, nor renaming the finished temporary file over it, nor removing it works.
// Everything else is node:fs.
import fs from 'node:fs';
import { holding } from './held-open.mjs';

export * from 'node:fs';

const faulty = holding((file) => !/\.(?:tmp|old)-\d+$/.test(file));
export const { renameSync, rmSync, unlinkSync } = faulty;

export default { ...fs, ...faulty };
