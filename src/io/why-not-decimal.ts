import { Dec } from '../core/decimal.js';

/**
 * Why a cell is not a plain decimal, in words a spreadsheet user recognises. Numbers are
 * never guessed at: "£12,345.00" or "1.2E+04" could be fixed silently, but a figure sent to
 * the DfE must be exactly the one in the file.
 */
export function whyNotDecimal(text: string): string {
  const failed = spreadsheetErrorValue(text);
  if (failed !== undefined) return failed;
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

/**
 * What a spreadsheet's error value in a cell means (a formula that failed: Excel saves "#DIV/0!"
 * or "#N/A" in the CSV where the figure would be), or undefined for any other text. Said before
 * anything else: "#DIV/0!" was told it "holds text ("DIV") beside the figure" (found by a user trial).
 */
export function spreadsheetErrorValue(text: string, what = 'a figure'): string | undefined {
  const code = /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/i.exec(
    text,
  );
  if (!code) return undefined;
  const why = ERROR_VALUES[code[1]!.toUpperCase()] ?? 'its formula failed';
  return `"${text}" is a spreadsheet's error value, not ${what}: ${why}; correct the formula in the workbook (or give the ${what === 'a figure' ? 'figure' : 'value'}) and save the CSV again`;
}

const ERROR_VALUES: Readonly<Record<string, string>> = {
  'N/A': 'a lookup in its formula found nothing',
  'DIV/0!': 'its formula divided by zero (or by an empty cell)',
  'VALUE!': 'its formula was given text where it needed a number',
  'REF!': 'its formula refers to a cell that was deleted',
  'NAME?': 'its formula names a function or range the workbook does not have',
  'NUM!': 'its formula gave no valid number',
  'NULL!': 'its formula refers to ranges that do not meet',
  'SPILL!': 'its formula could not spill its results',
};
