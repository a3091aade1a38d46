// node:fs on Windows with a batch's national.csv open in Excel, and its other outputs not:
// national.csv can be neither renamed, nor replaced, nor removed (test/helpers/faults/held-open.mjs).
import fs from 'node:fs';
import { holding } from './held-open.mjs';

export * from 'node:fs';

const faulty = holding((file) => /(?:^|\/)national\.csv$/.test(file));
export const { renameSync, rmSync, unlinkSync } = faulty;

export default { ...fs, ...faulty };
