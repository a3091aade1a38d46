import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type JsonValue, JsonSyntaxError, parseJson } from '../../src/io/json-source.js';

/** Every JSON path of a value (as parseJson names them) with the value found there. */
function paths(value: JsonValue, path = '$'): [string, JsonValue][] {
  const own: [string, JsonValue][] = [[path, value]];
  if (Array.isArray(value))
    return own.concat(value.flatMap((item, i) => paths(item, `${path}[${i}]`)));
  if (value !== null && typeof value === 'object')
    return own.concat(
      Object.entries(value).flatMap(([key, item]) => paths(item, `${path}.${key}`)),
    );
  return own;
}

/** Offset of a 1-based line and column in `text`. */
const offsetOf = (text: string, line: number, column: number): number =>
  text
    .split('\n')
    .slice(0, line - 1)
    .reduce((sum, l) => sum + l.length + 1, 0) +
  column -
  1;

// Keys without a dot or bracket, so that each path names one value.
const plainKey = fc.string().filter((key) => !/[.[\]]/.test(key));
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x)),
    fc.string({ unit: 'binary' }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(plainKey, tie('value'), { maxKeys: 4 }),
  ),
})).value as fc.Arbitrary<JsonValue>;

describe('parseJson against JSON.parse (an independent reference)', () => {
  it('reads the same value, whatever the layout, and places every path where its value starts', () => {
    fc.assert(
      fc.property(json, fc.constantFrom(0, 1, 2, '\t', ' \r\n'), (value, space) => {
        // JSON.stringify's own layouts, and one with CRLF line ends and runs of blanks.
        const text =
          space === ' \r\n'
            ? JSON.stringify(value, null, 1).replace(/\n/g, ' \r\n')
            : JSON.stringify(value, null, space);
        const document = parseJson(text);
        expect(document.value).toEqual(JSON.parse(text));
        for (const [path, item] of paths(value)) {
          const position = document.positionOf(path);
          expect(position, path).toBeDefined();
          // The value's own text starts there: it parses as the value when cut out with its layout.
          const start = offsetOf(text, position!.line, position!.column);
          const compact = JSON.stringify(item);
          const rest = text.slice(start).replace(/\s+/g, (blank, at: number, all: string) =>
            // Blanks inside strings are kept: only those between tokens go.
            insideString(all, at) ? blank : '',
          );
          expect(rest.startsWith(compact), `${path} at ${position!.line}:${position!.column}`).toBe(
            true,
          );
        }
        expect(document.positionOf('$.no such key')).toBeUndefined();
      }),
      { numRuns: 400 },
    );
  });

  it('refuses what JSON.parse refuses, and a duplicate key JSON.parse would keep', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            '{',
            '}',
            '[',
            ']',
            ',',
            ':',
            '"',
            '\\',
            'u',
            '0',
            '1',
            '-',
            'e',
            '.',
            ' ',
            't',
            'n',
            '\t',
            '\u001f',
          ),
          maxLength: 12,
        }),
        (text) => {
          let reference = true;
          try {
            JSON.parse(text);
          } catch {
            reference = false;
          }
          let ours = true;
          try {
            parseJson(text);
          } catch {
            ours = false;
          }
          // Ours refuses only what JSON.parse refuses, and duplicate keys.
          if (!/"[^"]*"\s*:.*"[^"]*"\s*:/.test(text)) expect(ours).toBe(reference);
          else if (ours) expect(reference).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
    expect(() => parseJson('{"a": 1, "a": 2}')).toThrow('duplicate key "a"');
    // A raw control character (U+0000 to U+001F) inside a string, as JSON.parse refuses it.
    for (const code of [0x00, 0x09, 0x0a, 0x1f]) {
      const text = `"a${String.fromCharCode(code)}b"`;
      expect(() => JSON.parse(text)).toThrow();
      expect(() => parseJson(text)).toThrow('control character in string');
    }
    // Escaped, they are read, as \u and the short escapes.
    expect(parseJson(String.raw`"a\u001fb \u00e9\n\/"`).value).toBe('a\u001fb é\n/');
  });
});

/** Whether `at` in `text` falls inside a JSON string (an odd number of unescaped quotes before it). */
function insideString(text: string, at: number): boolean {
  let inside = false;
  for (let i = 0; i < at; i += 1) {
    if (text[i] === '\\' && inside) i += 1;
    else if (text[i] === '"') inside = !inside;
  }
  return inside;
}

describe('the slips of a JSON file edited by hand, said in words at their place', () => {
  // Found by an officer's trial: a lever deleted from the end of a list, and a label pasted from
  // a document, were "expected "\"" but found "}"" and "unexpected "“"".
  const failure = (text: string) => {
    try {
      parseJson(text);
    } catch (cause) {
      return cause as JsonSyntaxError;
    }
    throw new Error('parsed');
  };

  it.each([
    ['{\n  "a": "1",\n}', 'field of an object'],
    ['{ "a": ["1", "2",\n ] }', 'item of a list'],
  ])('a comma after the last item, at the comma: %j', (text, what) => {
    const error = failure(text);
    expect(error.message).toBe(
      `a comma after the last ${what}, which JSON does not allow: remove it`,
    );
    expect(error.position).toEqual(
      text.startsWith('{\n') ? { line: 2, column: 11 } : { line: 1, column: 17 },
    );
  });

  it.each(['{ \u201ca": "1" }', '{ "a": \u201c1\u201d }', '{ "a": \u20181\u2019 }'])(
    'a curly quote: %s',
    (text) => {
      const error = failure(text);
      expect(error.message).toMatch(
        /^"[\u201c\u2018]" is a curly quote, as a word processor writes it: JSON takes straight quotes \("\)$/,
      );
      expect(error.position.line).toBe(1);
      expect(text[error.position.column - 1]).toMatch(/[\u201c\u2018]/);
    },
  );
});
