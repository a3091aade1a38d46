// Reads one CSV and parses it exactly as src/io/csv-table.ts does (csv-parse/sync, same options),
// then exits. Spawned by bench/run.mjs to time "parse the input" in a fresh Node process.
// Usage: node bench/parse-only.mjs <file.csv>
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

/** src/io/csv-table.ts's csvOptions: every line ending where the text holds a CR (test/io/csv-options.test.ts holds the two alike). */
export const parseOptions = (text) => ({
  bom: true,
  relax_column_count: true,
  skip_empty_lines: false,
  ...(text.includes('\r') ? { record_delimiter: ['\r\n', '\n', '\r'] } : {}),
});

export function parseFile(file) {
  const text = readFileSync(file, 'utf8');
  return parse(text, parseOptions(text));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const records = parseFile(process.argv[2]);
  if (records.length === 0) process.exit(1);
}
