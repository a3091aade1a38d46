import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/issue.js';
import { JSON_MAX_DEPTH, JsonSyntaxError, parseJson } from '../../src/io/json-source.js';
import { jsonFields } from '../../src/io/read-json.js';

/** `depth` arrays, one inside the other. */
const nested = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('JSON nesting limit (issue 18: 3,000 levels overflowed the stack, exit 3)', () => {
  it('reads arrays and objects nested up to the limit', () => {
    expect(JSON_MAX_DEPTH).toBe(64);
    expect(() => parseJson(nested(64))).not.toThrow();
    expect(() => parseJson(`${'{"a":'.repeat(64)}1${'}'.repeat(64)}`)).not.toThrow();
  });

  it('refuses one level more, at the bracket that goes too deep', () => {
    let caught: unknown;
    try {
      parseJson(`{\n  "x": ${nested(64)}\n}`);
    } catch (cause) {
      caught = cause;
    }
    expect(caught).toBeInstanceOf(JsonSyntaxError);
    expect((caught as JsonSyntaxError).code).toBe('JSON_TOO_DEEP');
    expect((caught as JsonSyntaxError).position).toEqual({ line: 2, column: 8 + 63 });
  });

  it('100,000 levels is a located JSON_TOO_DEEP issue, not a stack overflow', () => {
    const issues: Issue[] = [];
    expect(jsonFields(nested(100_000), 'deep.json', issues)).toBeUndefined();
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'JSON_TOO_DEEP',
        severity: 'error',
        location: { file: 'deep.json', line: 1, column: 65 },
      }),
    ]);
  });

  it('a syntax error is still JSON_MALFORMED', () => {
    const issues: Issue[] = [];
    jsonFields('{"a": 1,}', 'bad.json', issues);
    expect(issues.map((issue) => issue.code)).toEqual(['JSON_MALFORMED']);
  });
});
