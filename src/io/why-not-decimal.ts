import { Dec } from '../core/decimal.js';

/**
 * Why a cell is not a plain decimal, in words a spreadsheet user recognises. Numbers are
 * never guessed at: "£12,345.00" or "1.2E+04" could be fixed silently, but a figure sent to
 * the DfE must be exactly the one in the file.
 */
export function whyNotDecimal(text: string): string {
  if (/^(n\/?a|null|none|nil|-+|—|–|\?|tbc)$/i.test(text))
    return `"${text}" is not a number; leave an optional cell empty, or give 0`;
  if (/^[-+]?\d*\.?\d+[eE][-+]?\d+$/.test(text))
    return 'exponent notation is not accepted; write the number out in full';
  if (/[£$€]/.test(text)) return 'currency symbols are not accepted';
  if (/\d,\d/.test(text)) return 'thousands separators are not accepted';
  if (/^\(.*\)$/.test(text)) return 'a negative in brackets is not accepted; write -123.45';
  if (/%$/.test(text)) {
    // The share the user meant, worked out from their own figure (a user trial wrote "6%" and
    // was told to write 5% as 0.05).
    const share = /^-?\d+(?:\.\d+)?%$/.test(text)
      ? new Dec(text.slice(0, -1)).div(100).toString()
      : undefined;
    return `percent signs are not accepted; write ${share ? `${text} as ${share}` : '5% as 0.05'}`;
  }
  if (/^\+/.test(text)) return 'a leading + is not accepted';
  if (/\s/.test(text)) return 'spaces inside a number are not accepted';
  return 'not a plain decimal number';
}
