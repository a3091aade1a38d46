import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readInput } from '../../src/io/files.js';
import { hex } from '../../src/io/utf8.js';
import { asWindows1252, charactersBeyondAscii } from '../../src/io/windows-1252.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-1252-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A file of these bytes in the scratch folder, and what readInput makes of it as a CSV, or as JSON. */
function read(name: string, bytes: Uint8Array, form: 'csv' | 'json' = 'csv') {
  const file = path.join(scratch, name);
  writeFileSync(file, bytes);
  return readInput(file, name, 1 << 20, form);
}

/** Rows of a byte and words, named by the byte in hex: vitest's %s wrote it in decimal ("byte 0x128 is €"). */
const named = (rows: [number, string][]) =>
  rows.map(([byte, words]) => [hex(byte), words, byte] as const);

describe('Windows-1252, as Excel\'s "CSV (Comma delimited)" saves', () => {
  // Characters from Unicode's CP1252.TXT, written out by hand: the bytes where the code page
  // differs from ISO-8859-1 (which Node 20's TextDecoder('windows-1252') gives instead), and a
  // few where it does not.
  it.each(
    named([
      [0x80, '€'],
      [0x85, '…'],
      [0x91, '‘'],
      [0x92, '’'],
      [0x93, '“'],
      [0x94, '”'],
      [0x96, '–'],
      [0x97, '—'],
      [0x99, '™'],
      [0x9f, 'Ÿ'],
      [0xa0, '\u00a0'],
      [0xa3, '£'],
      [0xe9, 'é'],
      [0xff, 'ÿ'],
    ]),
  )('byte %s is %s', (_, character, byte) => {
    expect(asWindows1252(Uint8Array.of(0x41, byte, 0x0a))).toEqual({ text: `A${character}\n` });
  });

  it('every byte from 0xA0 is the code point of its number', () => {
    const bytes = Uint8Array.from({ length: 96 }, (_, i) => 0xa0 + i);
    const read = asWindows1252(bytes) as { text: string };
    expect([...read.text].map((c) => c.codePointAt(0))).toEqual([...bytes]);
  });

  it.each(
    named([
      [0x00, 'NUL'],
      [0x1f, "gzip's first byte"],
      [0x7f, 'DEL'],
      [0x81, 'no character'],
      [0x8d, 'no character'],
      [0x8f, 'no character (Mac Roman\'s "è")'],
      [0x90, 'no character'],
      [0x9d, 'no character'],
    ]),
  )('byte %s (%s) is not text in it: where it is', (_, __, byte) => {
    expect(asWindows1252(Uint8Array.of(0x61, 0xa3, 0x09, 0x0d, 0x0a, byte, 0x61))).toEqual({
      notTextAt: 5,
    });
  });

  it('the characters beyond ASCII, each once, in order, at most as many as asked', () => {
    expect(charactersBeyondAscii('a£b–£c’d é', 3)).toEqual(['£', '–', '’']);
    expect(charactersBeyondAscii('plain', 3)).toEqual([]);
  });
});

describe('readInput', () => {
  const funding = Buffer.from(
    'financial_year,line,amount,note\r\n2025-26,opening_balance,-1000.00,\x00\r\n',
    'latin1',
  );

  it('reads a CSV in Windows-1252 as its text, the SHA-256 that of its own bytes, with a warning at the first byte', () => {
    const bytes = Buffer.concat([
      Buffer.from('financial_year,line,amount,note\r\n2025-26,opening_balance,-1000.00,', 'latin1'),
      Uint8Array.of(0xa3, 0x31, 0x20, 0x96, 0x20, 0x92, 0x0d, 0x0a),
    ]);
    const result = read('funding.csv', bytes);
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    expect(result.file.text).toBe(
      'financial_year,line,amount,note\r\n2025-26,opening_balance,-1000.00,£1 – ’\r\n',
    );
    expect(result.file.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(result.warning).toMatchObject({
      severity: 'warning',
      code: 'READ_AS_WINDOWS_1252',
      location: { file: 'funding.csv', line: 2 },
      message:
        'the file is not UTF-8, so it is read as Windows-1252, as Excel\'s "CSV (Comma delimited)" saves it: byte 0xA3 here is "£"; the file also holds "–" and "’"',
    });
  });

  it('a UTF-8 CSV has no warning', () => {
    const result = read('utf8.csv', Buffer.from('a,b\n£,–\n'));
    expect(result).toMatchObject({ status: 'ok', file: { text: 'a,b\n£,–\n' } });
    expect(result.status === 'ok' && result.warning).toBeUndefined();
  });

  // The line is the byte's that is not text (the NUL on line 2), which is what stops the file
  // being read, not the "£" on line 3 that Windows-1252 would read (found by a review: a NUL
  // hundreds of lines below a "£" was placed at the "£").
  it('a CSV that is not text in Windows-1252 either is refused, at the byte that shows it', () => {
    const result = read('bad.csv', Buffer.concat([funding, Uint8Array.of(0xa3)]));
    expect(result).toMatchObject({
      status: 'refused',
      issue: {
        code: 'INVALID_ENCODING',
        location: { file: 'bad.csv', line: 2 },
        message:
          'byte 0xA3 at offset 69 is not UTF-8, and the file is not text in Windows-1252 either: byte 0x00 at offset 66 is a control character',
      },
    });
    expect(read('mac-roman.csv', Uint8Array.of(0x61, 0x8f, 0x0a))).toMatchObject({
      issue: {
        message:
          'byte 0x8F at offset 1 is not UTF-8, and the file is not text in Windows-1252 either: byte 0x8F at offset 1 has no character in it',
      },
    });
  });

  it('a JSON file is UTF-8 by its standard: refused, naming the character its byte would be', () => {
    expect(read('model.json', Buffer.from('{"label": "\x96"}', 'latin1'), 'json')).toMatchObject({
      status: 'refused',
      issue: {
        code: 'INVALID_ENCODING',
        message: 'byte 0x96 ("–" in Windows-1252) at offset 11 is not UTF-8',
        hint: 'save the file as UTF-8 (in Notepad: Save As, Encoding "UTF-8")',
      },
    });
  });

  // Found by a review: what is JSON was told by the file's name, so a tariff Notepad saved in
  // "ANSI" as tariff.json.txt (its "Text Documents" type), given to --tariff, was read as
  // Windows-1252 without a word; the reader says what it reads.
  it('a JSON input under another name is UTF-8 all the same', () => {
    expect(
      read('tariff.json.txt', Buffer.from('{"title": "\x96"}', 'latin1'), 'json'),
    ).toMatchObject({ status: 'refused', issue: { code: 'INVALID_ENCODING' } });
  });

  // Found by a review: a UTF-8 CSV (Excel's "CSV UTF-8" starts with the mark) with a row pasted
  // in from a Windows-1252 file was read whole as Windows-1252, its mark as "ï»¿": the header was
  // refused as garbled (TEXT_MANGLED), and the byte that was wrong went unnamed.
  it("a CSV that starts with UTF-8's byte-order mark is UTF-8: a byte in it that is not is refused", () => {
    const bytes = Buffer.concat([
      Uint8Array.of(0xef, 0xbb, 0xbf),
      funding.subarray(0, 33),
      Buffer.from('2025-26,x,1,\xa3\n', 'latin1'),
    ]);
    expect(read('marked.csv', bytes)).toMatchObject({
      status: 'refused',
      issue: {
        code: 'INVALID_ENCODING',
        location: { file: 'marked.csv', line: 2 },
        message:
          'byte 0xA3 ("£" in Windows-1252) at offset 48 is not UTF-8, though the file starts with UTF-8\'s byte-order mark',
      },
    });
  });

  // Found by a review: the line was counted by line feeds alone, so in a file with CR line ends
  // (Excel for Mac's CSV) every byte was on line 1; csv-parse ends a line at CR LF, LF or CR.
  it('the line of the first byte is counted as the CSV reader counts lines: CR, LF or CR LF', () => {
    const bytes = Buffer.from('a,b\r1,2\r\n3,\xa3\n', 'latin1');
    expect(read('mac.csv', bytes)).toMatchObject({
      status: 'ok',
      warning: { code: 'READ_AS_WINDOWS_1252', location: { line: 3 } },
    });
  });
});
