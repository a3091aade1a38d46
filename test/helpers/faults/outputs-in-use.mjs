// node:fs on Windows with three of a batch's outputs open in Excel, national.csv, failures.csv and
// intervals.csv: each can be neither renamed, nor replaced, nor removed (held-open.mjs).
import fs from 'node:fs';
import { holding } from './held-open.mjs';

export * from 'node:fs';

const faulty = holding((file) => /(?:^|\/)(?:national|failures|intervals)\.csv$/.test(file));
export const { renameSync, rmSync, unlinkSync } = faulty;

export default { ...fs, ...faulty };
