/**
 * A small JSON parser that remembers where every value starts, so problems in
 * model.json and tariff files are reported as file:line:column with a JSON path.
 * It also refuses duplicate keys (JSON.parse silently keeps the last) and builds
 * objects without a prototype, so `__proto__` in a file cannot pollute anything.
 */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface JsonDocument {
  readonly value: JsonValue;
  /** JSON path (`$`, `$.rates[3].topUp`) → where that value starts. */
  readonly positions: ReadonlyMap<string, Position>;
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

export function parseJson(text: string): JsonDocument {
  const positions = new Map<string, Position>();
  let index = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let depth = 0;

  const lineStarts = [0];
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const positionAt = (offset: number): Position => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1 };
  };
  const fail = (message: string, offset = index): never => {
    throw new JsonSyntaxError(message, positionAt(offset));
  };
  const skipSpace = (): void => {
    while (index < text.length && ' \t\n\r'.includes(text[index]!)) index += 1;
  };
  const expect = (char: string): void => {
    if (text[index] !== char) fail(`expected ${describe(char)} but found ${describe(text[index])}`);
    index += 1;
  };

  const parseString = (): string => {
    const start = index;
    expect('"');
    let out = '';
    for (;;) {
      const char = text[index];
      if (char === undefined) return fail('unterminated string', start);
      if (char === '"') {
        index += 1;
        return out;
      }
      if (char === '\\') {
        const escape = text[index + 1];
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6))) {
          out += String.fromCharCode(Number.parseInt(text.slice(index + 2, index + 6), 16));
          index += 6;
          continue;
        }
        if (escape !== undefined && escape in simple) {
          out += simple[escape];
          index += 2;
          continue;
        }
        return fail('invalid escape in string');
      }
      if (char < ' ') return fail('control character in string');
      out += char;
      index += 1;
    }
  };

  const parseValue = (path: string): JsonValue => {
    skipSpace();
    positions.set(path, positionAt(index));
    const char = text[index];
    if (char === '{' || char === '[') {
      if (depth === JSON_MAX_DEPTH)
        throw new JsonSyntaxError(
          `arrays and objects nested more than ${JSON_MAX_DEPTH} deep`,
          positionAt(index),
          'JSON_TOO_DEEP',
        );
      depth += 1;
      const value = char === '{' ? parseObject(path) : parseArray(path);
      depth -= 1;
      return value;
    }
    if (char === '"') return parseString();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, index)) {
        index += word.length;
        return value;
      }
    }
    const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(
      text.slice(index, index + 400),
    );
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
  return { value, positions };
}

function describe(char: string | undefined): string {
  return char === undefined ? 'end of file' : JSON.stringify(char);
}
