import { Help } from 'commander';

/** Help's indent before a term, and between a term and its description (commander's own). */
const INDENT = 2;
const SPACER = 2;
/** A description on the lines below its term is indented this much more than the term. */
const BELOW = 4;

/**
 * A term and its description as commander lays them out, unless the description column would be
 * narrower than the help wraps (minWidthToWrap), or than a word of the description: then the
 * description goes on the lines below the term, wrapped to the width. Commander left it on the
 * term's line unwrapped, for the terminal to break mid-word: every command's description at 50
 * columns, whose column of terms is 32 wide (`validate [options] [model-dir]`; found by a user
 * trial of the top-level help).
 */
export function narrowItem(
  term: string,
  termWidth: number,
  description: string,
  helper: Help,
): string {
  const width = helper.helpWidth ?? 80;
  const column = width - termWidth - SPACER - INDENT;
  // A word wider than the column was wrapped in it all the same, past the edge: solve's
  // "cumulative-balance>=0@2030-31" at 45 to 55 columns (found by a review). Under the term it fits.
  const widest = Math.max(...description.split(/\s+/).map((word) => helper.displayWidth(word)));
  if (!description || (column >= helper.minWidthToWrap && widest <= column))
    return Help.prototype.formatItem.call(helper, term, termWidth, description, helper);
  const under = ' '.repeat(INDENT + BELOW);
  const wrapped = helper.boxWrap(
    description,
    Math.max(width - INDENT - BELOW, helper.minWidthToWrap),
  );
  return `${' '.repeat(INDENT)}${term}\n${under}${wrapped.replace(/\n/g, `\n${under}`)}`;
}
