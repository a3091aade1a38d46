import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './exec.js';

/** Splits a CSV into its header and data lines (the fixtures have no quoted fields). */
function csvLines(file: string): { header: string[]; rows: string[][] } {
  const [header = '', ...rows] = readFileSync(file, 'utf8').trimEnd().split('\n');
  return {
    header: header.split(','),
    rows: rows.filter((row) => row.trim() !== '').map((row) => row.split(',')),
  };
}

/**
 * Writes one ordinary model folder per area of a national model, independently of the batch
 * code: model.json from the national one with the area's overrides, and each CSV's rows for
 * the area or for no area. `highneeds project` on these is the oracle for `highneeds batch`.
 */
export function splitNational(nationalDir: string, outRoot: string): Map<string, string> {
  const national = JSON.parse(readFileSync(path.join(nationalDir, 'model.json'), 'utf8')) as Record<
    string,
    unknown
  > & { tariff: string; assumptions: Record<string, string> };
  const areas = csvLines(path.join(nationalDir, String(national['areas'])));
  const col = (name: string) =>
    areas.header.findIndex((h) => h.trim().toLowerCase() === name.toLowerCase());
  const folders = new Map<string, string>();
  for (const row of areas.rows) {
    const code = row[col('area_code')]!;
    const dir = path.join(outRoot, code);
    mkdirSync(dir, { recursive: true });
    const cell = (name: string) => (col(name) >= 0 ? (row[col(name)] ?? '').trim() : '');
    const ownTariff = cell('tariff');
    // A tariff is a path relative to the folder if such a file exists, else a library id.
    const named = ownTariff === '' ? national.tariff : ownTariff;
    const tariff = existsSync(path.resolve(nationalDir, named))
      ? path.resolve(nationalDir, named)
      : path.join(ROOT, 'tariffs', `${named}.json`);
    const assumptions = { ...national.assumptions };
    for (const key of ['newPlansGrowth', 'hnbGrowth', 'tariffUplift'])
      if (cell(key) !== '') assumptions[key] = cell(key);
    const model = {
      area: { code, name: cell('area_name') },
      baseYear: cell('baseYear') || national['baseYear'],
      horizon: cell('horizon') || national['horizon'],
      tariff,
      assumptions,
      ...(national['writeOff'] ? { writeOff: national['writeOff'] } : {}),
      ...(national['overflowSetting'] ? { overflowSetting: national['overflowSetting'] } : {}),
    };
    writeFileSync(path.join(dir, 'model.json'), JSON.stringify(model, null, 2));
    for (const name of readdirSync(nationalDir)) {
      if (name === 'scenarios.json')
        copyFileSync(path.join(nationalDir, name), path.join(dir, name));
      if (!name.endsWith('.csv') || name === national['areas']) continue;
      const table = csvLines(path.join(nationalDir, name));
      const at = table.header.findIndex((h) => h.trim().toLowerCase() === 'area');
      const kept = table.rows.filter(
        (fields) => at < 0 || fields[at]!.trim() === '' || fields[at]!.trim() === code,
      );
      writeFileSync(
        path.join(dir, name),
        [table.header, ...kept].map((fields) => fields.join(',')).join('\n') + '\n',
      );
    }
    folders.set(code, dir);
  }
  return folders;
}

/** A copy of a folder's files with every CSV's data rows in a shuffled (seeded) order. */
export function shuffledCopy(fromDir: string, toDir: string, seed: number): void {
  mkdirSync(toDir, { recursive: true });
  let state = seed;
  const random = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  for (const name of readdirSync(fromDir)) {
    const text = readFileSync(path.join(fromDir, name), 'utf8');
    if (!name.endsWith('.csv')) {
      // model.json names its tariff by library id (or a file copied with it), so the copy runs anywhere.
      writeFileSync(path.join(toDir, name), text);
      continue;
    }
    const [header, ...rows] = text.trimEnd().split('\n');
    for (let i = rows.length - 1; i > 0; i -= 1) {
      const j = random(i + 1);
      [rows[i], rows[j]] = [rows[j]!, rows[i]!];
    }
    writeFileSync(path.join(toDir, name), `${[header, ...rows].join('\n')}\n`);
  }
}
