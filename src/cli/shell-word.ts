/**
 * A path as one word of a command a person copies into a shell: as it is when it holds nothing a
 * shell reads, else in double quotes (which sh, cmd and PowerShell all read), else, for a path
 * holding what a shell expands inside double quotes, in single quotes. The next steps that init,
 * calibrate and tariffs export print named a folder such as `My Area` bare, so the command they
 * said to run split it in two (found by a user trial).
 */
export function shellWord(given: string): string {
  // A relative path that begins with a dash reads as an option (init -- -x printed
  // `highneeds validate -x`, which said "unknown option '-x'": found by a review).
  const word = given.startsWith('-') ? `./${given}` : given;
  if (/^[\w@%+=:,./-]+$/.test(word)) return word;
  if (!/["$`!]|\\(?=["$`\\]|$)/.test(word)) return `"${word}"`;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}
