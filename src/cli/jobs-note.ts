import { availableParallelism } from 'node:os';
import { counted } from '../core/words.js';

/**
 * The note batch and simulate print when --jobs asks for more threads than they start (never more
 * than the cores, nor than the work can keep busy): `work` is what bounds it ("153 areas").
 */
export const jobsNote = (asked: number, used: number, work: number, noun: string): string =>
  `highneeds: --jobs ${asked} is more than needed; using ${used} (${counted(work, noun)}, ${counted(availableParallelism(), 'core')})\n`;
