// Reads one CSV and parses it exactly as src/io/csv-table.ts does (csv-parse/sync, same options),
// then exits. Spawned by bench/run.mjs to time "parse the input" in a fresh Node process.
// Usage: node bench/parse-only.mjs <file.csv>
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

export const PARSE_OPTIONS = {
  bom: true,
  relax_column_count: true,
  skip_empty_lines: false,
  record_delimiter: ['\r\n', '\n', '\r'],
};

export function parseFile(file) {
  return parse(readFileSync(file, 'utf8'), PARSE_OPTIONS);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const records = parseFile(process.argv[2]);
  if (records.length === 0) process.exit(1);
}
