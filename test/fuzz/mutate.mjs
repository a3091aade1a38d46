// Seeded mutations of real model folders, shared by test/fuzz/fuzz.test.ts (a short run in
// every `npm test`) and scripts/fuzz.mjs (`npm run fuzz`, 10,000 cases).
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export const BASES = [
  'fixtures/worked-example',
  'fixtures/second-case',
  'fixtures/errors/_valid',
  'fixtures/scenario-small',
];

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function generator(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}

const HOSTILE = [
  '',
  ' ',
  '-1',
  '0',
  '1e5',
  '1.2E+04',
  '£1,000',
  '12,345.00',
  'N/A',
  '=HYPERLINK("http://x","y")',
  '+1',
  '@SUM(A1)',
  '-',
  '\t1',
  '__proto__',
  'constructor',
  'NaN',
  'Infinity',
  '-0',
  '99999999999999999999999999999999',
  '0.000000000000000000000000000001',
  '"',
  '""',
  'x'.repeat(5000),
  '-3',
  '21',
  '20',
  '2025/26',
  '2026-27',
  '2099/00',
  '1900-01',
  'ASD',
  'spld',
  'DS',
  '*',
  'Zoë',
  '\u0000',
  '\u202e',
  '🙂',
];

const JSON_HOSTILE = [
  'null',
  'true',
  '1e400',
  '-1',
  '"-1"',
  '"1.5"',
  '"abc"',
  '[]',
  '{}',
  '"2025-02-30"',
  '"02-29"',
  '{"__proto__": {"polluted": true}}',
  '"1e3"',
];

/** Applies 1–3 random mutations to a copy of a base model in `dir`; returns what it did. */
export function mutateModel(root, dir, random) {
  const base = random.pick(BASES);
  rmSync(dir, { recursive: true, force: true });
  cpSync(path.join(root, base), dir, { recursive: true });
  const applied = [`base ${base}`];
  const count = 1 + random.int(3);
  for (let i = 0; i < count; i += 1) {
    const files = readdirSync(dir).sort();
    const file = path.join(dir, random.pick(files));
    applied.push(mutateFile(file, random));
  }
  return applied;
}

function mutateFile(file, random) {
  const name = path.basename(file);
  const kind = random.int(10);
  const bytes = readFileSync(file);
  const text = bytes.toString('utf8');
  const lines = text.split('\n');
  switch (kind) {
    case 0: {
      const copy = Buffer.from(bytes);
      for (let k = 0; k < 1 + random.int(4); k += 1)
        if (copy.length) copy[random.int(copy.length)] = random.int(256);
      writeFileSync(file, copy);
      return `${name}: flipped bytes`;
    }
    case 1: {
      lines.splice(random.int(lines.length), 1);
      writeFileSync(file, lines.join('\n'));
      return `${name}: deleted a line`;
    }
    case 2: {
      const at = random.int(lines.length);
      lines.splice(at, 0, lines[random.int(lines.length)] ?? '');
      writeFileSync(file, lines.join('\n'));
      return `${name}: duplicated a line`;
    }
    case 3: {
      writeFileSync(file, bytes.subarray(0, random.int(bytes.length + 1)));
      return `${name}: truncated`;
    }
    case 4: {
      writeFileSync(file, `\ufeff${text.replace(/\n/g, '\r\n')}\r\n,,,\r\n\r\n`);
      return `${name}: BOM, CRLF and blank trailer rows`;
    }
    case 5: {
      if (existsSync(file) && random.int(4) === 0) {
        rmSync(file);
        return `${name}: deleted`;
      }
      return `${name}: kept`;
    }
    default: {
      if (name.endsWith('.json')) {
        const tokens = [...text.matchAll(/"[^"]*"|-?\d+(\.\d+)?|true|false|null/g)];
        const token = tokens.length ? random.pick(tokens) : undefined;
        if (!token) return `${name}: no token`;
        const value = random.pick(JSON_HOSTILE);
        writeFileSync(
          file,
          text.slice(0, token.index) + value + text.slice(token.index + token[0].length),
        );
        return `${name}: token ${token[0]} → ${value}`;
      }
      const row = 1 + random.int(Math.max(1, lines.length - 1));
      const cells = (lines[row] ?? '').split(',');
      const column = random.int(cells.length);
      const value = random.pick(HOSTILE);
      cells[column] = /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
      lines[row] = cells.join(',');
      writeFileSync(file, lines.join('\n'));
      return `${name}: line ${row + 1} field ${column + 1} → ${JSON.stringify(value.slice(0, 40))}`;
    }
  }
}
