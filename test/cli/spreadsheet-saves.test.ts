import { createHash } from 'node:crypto';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { cli } from '../helpers/run-cli.js';
import { asOnOneCore } from '../helpers/one-core.js';

// Threads are not what this file tests: its commands run on one (the reason is in the helper).
asOnOneCore();

/**
 * What a spreadsheet's other ways of saving give, found by a user trial: each refused with the
 * reason it is refused, not one that sends the user looking for the wrong mistake.
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-saves-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function exampleWith(name: string, file: string, bytes: Buffer | string): string {
  const dir = path.join(scratch, name);
  cpSync(path.join(ROOT, 'fixtures/example'), dir, { recursive: true });
  writeFileSync(path.join(dir, file), bytes);
  return dir;
}

describe('a table saved under another name than the one the model reads', () => {
  // Found by an officer's trial: places.xlsx (or places (1).csv) beside no places.csv was not
  // read, without a word, and every setting's places were its pupils.
  it('an optional table: a warning at the file, with what to do', async () => {
    const dir = exampleWith('places-workbook', 'places.xlsx', Buffer.from([0x50, 0x4b, 3, 4]));
    renameSync(path.join(dir, 'places.csv'), path.join(dir, 'places (1).csv'));
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(0);
    for (const [file, hint] of [
      ['places (1).csv', 'rename it places.csv'],
      [
        'places.xlsx',
        'save it from the spreadsheet as "CSV UTF-8 (Comma delimited)", named places.csv',
      ],
    ])
      expect(result.stderr).toContain(
        `${path.join(dir, file!)}: warning FILE_NOT_READ: ${file} is not read: the model reads places.csv, which this folder does not have, so its figures are left out\n  hint: if it is the table, ${hint}\n`,
      );
  });

  it('a JSON file Notepad saved with .txt after its name', async () => {
    const dir = exampleWith('scenarios-txt', 'notes.txt', '');
    renameSync(path.join(dir, 'scenarios.json'), path.join(dir, 'scenarios.json.txt'));
    const result = await cli(['validate', dir]);
    expect(result.stderr).toContain(
      'warning FILE_NOT_READ: scenarios.json.txt is not read: the model reads scenarios.json, which this folder does not have, so its figures are left out\n  hint: if it is the table, rename it scenarios.json\n',
    );
    const compared = await cli(['compare', dir]);
    expect([compared.code, compared.stderr]).toEqual([
      2,
      `highneeds: ${dir} has no scenarios.json (scenarios.json.txt is not read: rename it scenarios.json); give --scenarios-file, or see docs/scenarios.md\n`,
    ]);
  });

  it("a required table: FILE_MISSING's hint names the file", async () => {
    const dir = exampleWith('cohort-renamed', 'notes.txt', '');
    renameSync(path.join(dir, 'cohort.csv'), path.join(dir, 'Cohort - Copy.CSV'));
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      '  hint: found Cohort - Copy.CSV: if it is the table, rename it cohort.csv\n',
    );
  });
});

describe('a workbook under a CSV name', () => {
  it.each([
    ['a workbook (.xlsx)', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x9a, 0x0a]],
    ['an Excel 97-2003 workbook (.xls)', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ])('is named %s, not a stray Windows-1252 byte', async (kind, bytes) => {
    // Found by an officer's trial: cohort.xlsx renamed cohort.csv was told 'byte 0x9A ("š" in
    // Windows-1252) at offset 18 is not UTF-8', and to save the file as UTF-8.
    const dir = exampleWith(`workbook-${bytes[0]}`, 'cohort.csv', Buffer.from(bytes));
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `cohort.csv: error INVALID_ENCODING: the file is ${kind}, not CSV text\n` +
        '  hint: open it in Excel and save the sheet as "CSV UTF-8 (Comma delimited)"\n',
    );
  });
});

describe('a CSV saved as Excel\'s "Unicode Text"', () => {
  it.each([
    ['UTF-16LE', 'utf16le' as const, [0xff, 0xfe]],
    ['UTF-16BE', 'utf16le' as const, [0xfe, 0xff]],
  ])('is named %s, not a stray Windows-1252 byte', async (name, encoding, mark) => {
    const text = readFileSync(path.join(ROOT, 'fixtures/example/funding.csv'), 'utf8');
    let body = Buffer.from(text, encoding);
    // Big-endian: each code unit's two bytes the other way round.
    if (name === 'UTF-16BE') body = Buffer.from(body).swap16();
    const dir = exampleWith(name, 'funding.csv', Buffer.concat([Buffer.from(mark), body]));
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `funding.csv:1: error INVALID_ENCODING: the file is ${name} text (it starts with UTF-16's byte-order mark), not UTF-8`,
    );
    expect(result.stderr).toContain('not "Unicode Text"');
    expect(result.stderr).not.toContain('Windows-1252');
  });
});

describe('a CSV saved as Excel\'s "CSV (Comma delimited)", in Windows-1252', () => {
  /** A file's UTF-8 text saved as Windows-1252, as Excel on Windows saves it. */
  const windows1252 = (text: string): Buffer =>
    Buffer.from([...text].map((c) => ({ '£': 0xa3, '–': 0x96, '’': 0x92 })[c] ?? c.charCodeAt(0)));

  // A finance officer typed "£" and "–" in funding.csv's notes and saved from Excel as it offers
  // first: the whole model was refused with INVALID_ENCODING (left by an earlier stop's note).
  it('is read as such: the same projection as the UTF-8 file, a warning naming what was read, the SHA-256 of its own bytes', async () => {
    const text = readFileSync(path.join(ROOT, 'fixtures/example/funding.csv'), 'utf8').replace(
      'cumulative high-needs DSG deficit at 31 March 2026',
      '£18.5m cumulative deficit – the s251 outturn’s figure',
    );
    const utf8 = exampleWith('funding-utf8', 'funding.csv', text);
    const bytes = windows1252(text);
    const saved = exampleWith('funding-1252', 'funding.csv', bytes);
    const run = (dir: string) =>
      cli(['project', dir, '--format', 'csv', '--manifest', path.join(dir, 'manifest.json')]);
    const [expected, result] = [await run(utf8), await run(saved)];
    expect([result.code, result.stdout]).toEqual([0, expected.stdout]);
    expect(result.stderr).toContain(
      `${path.join(saved, 'funding.csv')}:2: warning READ_AS_WINDOWS_1252: the file is not UTF-8, so it is read as Windows-1252, as Excel's "CSV (Comma delimited)" saves it: byte 0xA3 here is "£"; the file also holds "–" and "’"\n`,
    );
    const digest = (dir: string) =>
      (
        JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
          inputs: { path: string; sha256: string }[];
        }
      ).inputs.find((input) => input.path === 'funding.csv')?.sha256;
    expect(digest(saved)).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(digest(saved)).not.toBe(digest(utf8));
  });

  it("a national model's areas.csv and a history's codes are read so too", async () => {
    const dir = path.join(scratch, 'national-1252');
    cpSync(path.join(ROOT, 'fixtures/national'), dir, { recursive: true });
    const areas = readFileSync(path.join(dir, 'areas.csv'), 'utf8');
    writeFileSync(
      path.join(dir, 'areas.csv'),
      windows1252(areas.replace('Southbury', 'Southbury – St Mary’s')),
    );
    const batch = await cli(['batch', dir, '--out-dir', path.join(dir, 'out'), '--quiet']);
    expect(batch.code).toBe(0);
    expect(batch.stderr).toContain('areas.csv:3: warning READ_AS_WINDOWS_1252:');
    expect(readFileSync(path.join(dir, 'out', 'summary.csv'), 'utf8')).toContain(
      'Southbury – St Mary’s',
    );

    const codes = path.join(scratch, 'codes-1252.csv');
    writeFileSync(
      codes,
      windows1252(
        readFileSync(path.join(ROOT, 'fixtures/history/codes.csv'), 'utf8') +
          'setting,Résidential – out of area,independent\n',
      ),
    );
    const calibrated = await cli([
      'calibrate',
      '--transitions',
      'fixtures/history/transitions.csv',
      '--population',
      'fixtures/history/population.csv',
      '--codes',
      codes,
      '--out-dir',
      path.join(scratch, 'calibrated-1252'),
      '--quiet',
    ]);
    expect(calibrated.code).toBe(0);
    expect(calibrated.stderr).toContain(
      'warning READ_AS_WINDOWS_1252: the file is not UTF-8, so it is read as Windows-1252, as Excel\'s "CSV (Comma delimited)" saves it: byte 0xE9 here is "é"; the file also holds "–"',
    );
  });
});

describe('a JSON input saved by Notepad in "ANSI" (Windows-1252)', () => {
  // Found by a review: JSON was told by its name, so a tariff saved as tariff.json.txt (Notepad's
  // "Text Documents" type) with an en dash in its title was read as Windows-1252 without a word,
  // while the same file named tariff.json was refused.
  it('is refused whatever its name, as JSON is UTF-8', async () => {
    const tariff = readFileSync(path.join(ROOT, 'tariffs/example-borough-2025.json'), 'utf8');
    const file = path.join(scratch, 'tariff.json.txt');
    writeFileSync(file, Buffer.from(tariff.replace('"title": "', '"title": "\x96 '), 'latin1'));
    const result = await cli(['project', 'fixtures/example', '--tariff', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'tariff.json.txt:3: error INVALID_ENCODING: byte 0x96 ("–" in Windows-1252)',
    );
    expect(result.stderr).toContain(
      'hint: save the file as UTF-8 (in Notepad: Save As, Encoding "UTF-8")',
    );
  });

  // nff reads its parameters (JSON) and its factors (CSV) through one reader: each as what it is.
  it("nff's parameters are JSON, its factors a CSV", async () => {
    const params = path.join(scratch, 'nff-params-1252');
    mkdirSync(params);
    // The file's own UTF-8, with one en dash as Windows-1252 writes it put before its title.
    const json = readFileSync(path.join(ROOT, 'nff-parameters/2025-26.json'));
    const at = json.indexOf('"title": "') + '"title": "'.length;
    writeFileSync(
      path.join(params, '2025-26.json'),
      Buffer.concat([json.subarray(0, at), Uint8Array.of(0x96), json.subarray(at)]),
    );
    const result = await cli([
      'nff',
      'fixtures/nff/nff-factors.csv',
      '--year',
      '2025-26',
      '--params',
      params,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('2025-26.json:4: error INVALID_ENCODING: byte 0x96');
  });
});

describe('tariffs import of files in Windows-1252 with one missing', () => {
  // Found by a review: a file that was missing or refused stopped the import at once, so the
  // files read before it lost their READ_AS_WINDOWS_1252 and any later file's problem went unsaid.
  it('says every file that cannot be read and the warnings of those that were', async () => {
    const rates = path.join(scratch, 'rates-1252.csv');
    writeFileSync(
      rates,
      Buffer.from(
        'effective_from,setting,band,need,top_up\n2025-04-01,mainstream,1,*,\xa31600\n',
        'latin1',
      ),
    );
    const result = await cli([
      'tariffs',
      'import',
      rates,
      '--settings',
      path.join(scratch, 'no-settings.csv'),
      '--bands',
      path.join(scratch, 'no-bands.csv'),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no-settings.csv was not found');
    expect(result.stderr).toContain('no-bands.csv was not found');
    expect(result.stderr).toContain('rates-1252.csv:2: warning READ_AS_WINDOWS_1252:');
    expect(result.stderr).toContain('2 errors, 1 warning');
  });
});

describe('a date written in the right form that is not a day of the calendar', () => {
  // A tariff's effectiveFrom and tariffs import's dates: fixtures/errors/INVALID_DATE and
  // test/cli/tariffs.test.ts.
  it('is said to be no date in the calendar in --at; one in another form, not written YYYY-MM-DD', async () => {
    expect(
      (await cli(['tariffs', 'show', 'example-borough-2025', '--at', '2025-13-01'])).stderr,
    ).toContain('--at 2025-13-01 is not a date in the calendar');
    expect(
      (await cli(['tariffs', 'show', 'example-borough-2025', '--at', '1/4/2025'])).stderr,
    ).toContain('--at 1/4/2025 is not a date written YYYY-MM-DD');
  });

  it('a date in US order is said to have been read day first', async () => {
    const rates = path.join(scratch, 'us-dates.csv');
    writeFileSync(
      rates,
      'effective_from,setting,band,need,top_up\n12/25/2026,mainstream,1,*,100\n',
    );
    const result = await cli([
      'tariffs',
      'import',
      rates,
      '--settings',
      'fixtures/tariff-import/settings.csv',
      '--id',
      'x',
      '--title',
      'y',
      '--reference',
      'z',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'us-dates.csv:2:1: error INVALID_DATE: "effective_from" is "12/25/2026", which is no date read as dd/mm/yyyy, day first (day 12, month 25)',
    );
  });
});

describe('a CSV whose columns are separated by tabs or semicolons', () => {
  it.each([
    ['tabs', '\t'],
    ['semicolons', ';'],
  ])('is named as separated by %s, not read as one column', async (name, separator) => {
    // Found by a user trial: each required column "missing", and the one column "may be it".
    const dir = exampleWith(
      `separated-${name}`,
      'cohort.csv',
      ['ncy,need,setting,band,count', '7,ASD,special-maintained,2,12', '']
        .join('\r\n')
        .replaceAll(',', separator),
    );
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `cohort\\.csv:1: error CSV_MALFORMED: cannot read CSV: its columns are separated by ${name}, not commas\\n  hint: save it from the spreadsheet as "CSV UTF-8 \\(Comma delimited\\)"\\n1 error\\n$`,
      ),
    );
  });
});

describe('a funding line written as a spreadsheet heading', () => {
  it('is refused with the id it spells', async () => {
    // Found by a user trial: "HNB Allocation" was told only the list of ids.
    const funding = readFileSync(path.join(ROOT, 'fixtures/example/funding.csv'), 'utf8');
    const dir = exampleWith(
      'funding-heading',
      'funding.csv',
      funding.replace(',hnb_allocation,', ',HNB Allocation,'),
    );
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /error UNKNOWN_FUNDING_LINE: funding line "HNB Allocation" is not known\n {2}hint: write it hnb_allocation; expected one of opening_balance, /,
    );
  });
});

/** The example with its first cohort row's band written by `write`: the folder and the band given. */
function firstBandWritten(name: string, write: (band: string) => string) {
  const cohort = readFileSync(path.join(ROOT, 'fixtures/example/cohort.csv'), 'utf8').split('\n');
  const [header, first] = cohort;
  const band = header!.split(',').indexOf('band');
  const cells = first!.split(',');
  const given = cells[band]!;
  cells[band] = write(given);
  const text = [header, cells.join(','), ...cohort.slice(2)].join('\n');
  return { dir: exampleWith(name, 'cohort.csv', text), given };
}

describe('a band written as a spreadsheet labels it', () => {
  it('is refused with the band it spells', async () => {
    // Found by a user trial: "Band 2" was told only the list of bands.
    const { dir, given } = firstBandWritten('band-label', (band) => `Band ${band}`);
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `error UNKNOWN_BAND: band "Band ${given}" has no rate .*\\n {2}hint: write it ${given}; bands for `,
      ),
    );
  });
});

describe('a band in a column a spreadsheet formatted as a number', () => {
  it('"2.00" is refused with the band it is, and why it has decimals', async () => {
    // Found by an officer's trial: a band column formatted with 2 decimal places saved every band
    // as "2.00", each told only the list of bands, 1, 2, 3, 4, 5.
    const { dir, given } = firstBandWritten('band-decimals', (band) => `${band}.00`);
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `  hint: write it ${given} (a number format added the decimal places: format the column as General); bands for mainstream: 1, 2, 3, 4, 5\n`,
    );
  });
});

describe('a model.json saved as UTF-16 (Notepad\'s "Unicode")', () => {
  it('is told how to save it from an editor, not from Excel as a CSV', async () => {
    const json = readFileSync(path.join(ROOT, 'fixtures/example/model.json'), 'utf8');
    const dir = exampleWith(
      'json-utf16',
      'model.json',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]),
    );
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /model\.json:1: error INVALID_ENCODING: the file is UTF-16LE text .*\n {2}hint: save the file as UTF-8 \(in Notepad: Save As, Encoding "UTF-8"\)\n/,
    );
  });
});

describe('a yes/no column written Y and N, as case systems export it', () => {
  it('is read as yes and no', async () => {
    // Found by a user trial: "Y" was INVALID_FLAG.
    const cohort = readFileSync(path.join(ROOT, 'fixtures/example/cohort.csv'), 'utf8')
      .trim()
      .split('\n');
    const flagged = (yes: string, no: string) =>
      cohort
        .map((line, i) => `${line},${i === 0 ? 'out_of_area' : i % 3 === 0 ? yes : no}`)
        .join('\n') + '\n';
    const letters = exampleWith('flags-yn', 'cohort.csv', flagged('Y', 'n'));
    const words = exampleWith('flags-words', 'cohort.csv', flagged('yes', 'no'));
    const [a, b] = [
      await cli(['project', letters, '--format', 'csv']),
      await cli(['project', words, '--format', 'csv']),
    ];
    expect(a.stderr).toBe('');
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const plain = await cli(['project', 'fixtures/example', '--format', 'csv']);
    expect(a.stdout).not.toBe(plain.stdout);
  });
});
