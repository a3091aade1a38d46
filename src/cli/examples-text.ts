import { HELP_EXAMPLES } from './help-examples.js';

/**
 * The examples as a help section, after commander's own text, each wrapped to the width help is
 * (commander's: the terminal's, else 80) with a shell's ` \` at the end of each line but the
 * last, so a person can read it and paste it whole. Unwrapped, the long ones ran past 80 columns
 * and the terminal broke them mid-word (`'in-y` over `ear-balance…'`: found by a user trial).
 */
export function examplesText(command: string, width = 80): string {
  const examples = HELP_EXAMPLES[command];
  return examples?.length
    ? `\nExamples:\n${examples.map((line) => wrapExample(line, width)).join('\n')}\n`
    : '';
}

const FIRST = '  $ ';
const NEXT = '      ';
const CONTINUED = ' \\';

/**
 * One example on lines of at most `width`, broken between its words (never inside a quoted
 * one), keeping an option with its value where the two fit a line; a word too long for any
 * line has one to itself. A comment goes after the command where it fits, else below it,
 * wrapped over lines of its own that each start with "#".
 */
function wrapExample(line: string, width: number): string {
  const units = exampleUnits(line, width);
  const comment = units.at(-1)?.startsWith('  #') ? units.pop() : undefined;
  const lines: string[] = [];
  let current = '';
  for (const unit of units) {
    const prefix = lines.length === 0 ? FIRST : NEXT;
    if (current === '' || (prefix + current + ' ' + unit + CONTINUED).length <= width)
      current = current === '' ? unit : `${current} ${unit}`;
    else {
      lines.push(prefix + current);
      current = unit;
    }
  }
  const last = (lines.length === 0 ? FIRST : NEXT) + current;
  if (comment === undefined || (last + ' ' + comment + CONTINUED).length <= width)
    return [...lines, comment === undefined ? last : `${last} ${comment}`].join(`${CONTINUED}\n`);
  // A comment's lines carry no " \\" (inside a comment it continues nothing): each is a comment
  // of its own. Kept whole, "# the shipped example, five financial years" ran past the edge
  // of the top-level help below 50 columns (left by the review of narrow help).
  return `${[...lines, last].join(`${CONTINUED}\n`)}${CONTINUED}\n${commentLines(comment, width)}`;
}

/** A comment ("# …") wrapped over lines of at most `width`, each a comment, below the command. */
function commentLines(comment: string, width: number): string {
  const lines: string[] = [];
  for (const word of comment.trim().replace(/^#\s*/, '').split(/\s+/)) {
    const joined = `${lines.at(-1)} ${word}`;
    if (lines.length > 0 && joined.length <= width) lines[lines.length - 1] = joined;
    else lines.push(`${NEXT}# ${word}`);
  }
  return lines.join('\n');
}

/**
 * The example's words, quotes kept, an option joined to its value and a comment kept whole. An
 * option and its value too long for a line together are two: kept as one, a line of 54 ran past
 * a 50-column terminal (--hnb-from and its file: found by a review).
 */
function exampleUnits(line: string, width: number): string[] {
  const comment = /\s+(#.*)$/.exec(line);
  const words =
    (comment ? line.slice(0, comment.index) : line).match(/(?:'[^']*'|"[^"]*"|\S)+/g) ?? [];
  const units: string[] = [];
  for (const word of words) {
    const last = units.at(-1);
    const joined = `${last} ${word}`;
    const fits = (NEXT + joined + CONTINUED).length <= width;
    if (last?.startsWith('--') && !last.includes(' ') && !word.startsWith('-') && fits)
      units[units.length - 1] = joined;
    else units.push(word);
  }
  // A comment set apart from the command, as in the list above.
  return comment ? [...units, `  ${comment[1]!}`] : units;
}
