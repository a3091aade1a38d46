/**
 * Groups digits in threes for people to read ("-1234567.89" → "-1,234,567.89"): the one rule
 * every message, table and report uses. Text that is not a plain decimal passes through.
 */
export function withThousands(text: string): string {
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!match) return text;
  return `${match[1]}${match[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${match[3] ?? ''}`;
}
