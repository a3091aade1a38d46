/**
 * A small JSON parser that remembers where every value starts, so problems in
 * model.json and tariff files are reported as file:line:column with a JSON path.
 * It also refuses duplicate keys (JSON.parse silently keeps the last) and builds
 * objects without a prototype, so `__proto__` in a file cannot pollute anything.
 *
 * It keeps each value's offset and works out a line and column only when one is asked for
 * (a problem to report): most files read have none, so most offsets are never turned into one.
 */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface JsonDocument {
  readonly value: JsonValue;
  /** Where the value at a JSON path (`$`, `$.rates[3].topUp`) starts; undefined for a path the document does not have. */
  positionOf(path: string): Position | undefined;
}

/** Arrays and objects nested deeper than this are refused (JSON_TOO_DEEP): no input goes past a few levels, and a hostile file could otherwise exhaust the stack. */
export const JSON_MAX_DEPTH = 64;

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: Position,
    readonly code: 'JSON_MALFORMED' | 'JSON_TOO_DEEP' = 'JSON_MALFORMED',
  ) {
    super(message);
  }
}

/** A JSON number (RFC 8259 §6), matched where the parser stands (sticky). */
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** What a backslash and the character after it stand for, but \u. */
const ESCAPED: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

export function parseJson(text: string): JsonDocument {
  const offsets = new Map<string, number>();
  const at = offsetToPosition(text);
  let index = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let depth = 0;

  const fail = (message: string, offset = index): never => {
    throw new JsonSyntaxError(message, at(offset));
  };
  const skipSpace = (): void => {
    for (;;) {
      const code = text.charCodeAt(index);
      // space, tab, line feed, carriage return
      if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return;
      index += 1;
    }
  };
  /**
   * A quote a word processor or email curled (a scenario pasted from a document): said as such,
   * not as an "unexpected" character (found by an officer's trial).
   */
  const curlyQuote = (): void => {
    const char = text[index];
    if (char !== undefined && CURLY_QUOTES.includes(char))
      fail(
        `${describe(char)} is a curly quote, as a word processor writes it: JSON takes straight quotes (")`,
      );
  };
  /**
   * After a comma: a closing bracket there is a comma after the last item, which JSON does not
   * allow, said at the comma (a lever deleted from the end of a list leaves one: an officer's
   * trial was told only 'expected "\"" but found "}"' at the bracket on the next line).
   */
  const trailingComma = (comma: number, close: string): void => {
    skipSpace();
    if (text[index] === close)
      fail(
        `a comma after the last ${close === '}' ? 'field of an object' : 'item of a list'}, which JSON does not allow: remove it`,
        comma,
      );
  };
  const expect = (char: string): void => {
    if (text[index] !== char) fail(`expected ${describe(char)} but found ${describe(text[index])}`);
    index += 1;
  };

  const parseString = (): string => {
    const start = index;
    curlyQuote();
    expect('"');
    let out = '';
    // Runs of plain characters are sliced whole; only escapes are built a character at a time.
    let run = index;
    for (;;) {
      const code = text.charCodeAt(index);
      if (Number.isNaN(code)) return fail('unterminated string', start);
      if (code === QUOTE) {
        out += text.slice(run, index);
        index += 1;
        return out;
      }
      if (code === BACKSLASH) {
        out += text.slice(run, index);
        const escape = text[index + 1];
        const hex = text.slice(index + 2, index + 6);
        if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(hex)) {
          out += String.fromCharCode(Number.parseInt(hex, 16));
          index += 6;
        } else if (escape !== undefined && Object.hasOwn(ESCAPED, escape)) {
          out += ESCAPED[escape];
          index += 2;
        } else return fail('invalid escape in string');
        run = index;
        continue;
      }
      if (code < 0x20) return fail('control character in string');
      index += 1;
    }
  };

  const parseValue = (path: string): JsonValue => {
    skipSpace();
    offsets.set(path, index);
    const char = text[index];
    if (char === '{' || char === '[') {
      if (depth === JSON_MAX_DEPTH)
        throw new JsonSyntaxError(
          `arrays and objects nested more than ${JSON_MAX_DEPTH} deep`,
          at(index),
          'JSON_TOO_DEEP',
        );
      depth += 1;
      const value = char === '{' ? parseObject(path) : parseArray(path);
      depth -= 1;
      return value;
    }
    if (char === '"') return parseString();
    curlyQuote();
    for (const [word, value] of WORDS) {
      if (text.startsWith(word, index)) {
        index += word.length;
        return value;
      }
    }
    NUMBER.lastIndex = index;
    const number = NUMBER.exec(text);
    if (number) {
      index += number[0].length;
      return Number(number[0]);
    }
    return fail(`unexpected ${describe(char)}`);
  };

  const parseObject = (path: string): JsonValue => {
    const object = Object.create(null) as { [key: string]: JsonValue };
    expect('{');
    skipSpace();
    if (text[index] === '}') {
      index += 1;
      return object;
    }
    for (;;) {
      skipSpace();
      const keyStart = index;
      const key = parseString();
      if (Object.prototype.hasOwnProperty.call(object, key))
        fail(`duplicate key "${key}"`, keyStart);
      skipSpace();
      expect(':');
      object[key] = parseValue(`${path}.${key}`);
      skipSpace();
      if (text[index] === ',') {
        index += 1;
        trailingComma(index - 1, '}');
        continue;
      }
      expect('}');
      return object;
    }
  };

  const parseArray = (path: string): JsonValue => {
    const array: JsonValue[] = [];
    expect('[');
    skipSpace();
    if (text[index] === ']') {
      index += 1;
      return array;
    }
    for (;;) {
      array.push(parseValue(`${path}[${array.length}]`));
      skipSpace();
      if (text[index] === ',') {
        index += 1;
        trailingComma(index - 1, ']');
        continue;
      }
      expect(']');
      return array;
    }
  };

  const value = parseValue('$');
  skipSpace();
  if (index < text.length)
    fail(`unexpected ${describe(text[index])} after the end of the document`);
  return {
    value,
    positionOf: (path) => {
      const offset = offsets.get(path);
      return offset === undefined ? undefined : at(offset);
    },
  };
}

/** Quotes as a word processor curls them: “ ” ‘ ’. */
const CURLY_QUOTES = '\u201c\u201d\u2018\u2019';

const WORDS = [
  ['true', true],
  ['false', false],
  ['null', null],
] as const;

/** Offset → line and column (1-based), the line starts found on the first call. */
function offsetToPosition(text: string): (offset: number) => Position {
  let lineStarts: number[] | undefined;
  return (offset) => {
    if (!lineStarts) {
      lineStarts = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
        lineStarts.push(i + 1);
    }
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1 };
  };
}

function describe(char: string | undefined): string {
  return char === undefined ? 'end of file' : JSON.stringify(char);
}
