import type { Decimal } from 'decimal.js';
import { parseDecimal } from '../core/decimal.js';
import { growthIssue } from '../core/growth.js';
import { error, type Issue, type Location } from '../core/issue.js';
import type { JsonDocument, JsonValue } from './json-source.js';
import { whyNotDecimal } from './why-not-decimal.js';

export type JsonObject = { [key: string]: JsonValue };

/** Typed, located reads from a parsed JSON document; each wrong field becomes an issue. */
export class JsonFields {
  constructor(
    readonly file: string,
    private readonly document: JsonDocument,
    readonly issues: Issue[],
  ) {}

  get root(): JsonValue {
    return this.document.value;
  }

  at(path: string): Location {
    const position = this.document.positionOf(path) ?? this.nearest(path);
    return { file: this.file, path, ...(position ?? {}) };
  }

  object(value: JsonValue | undefined, path: string): JsonObject | undefined {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value;
    this.invalid(path, value, 'an object');
    return undefined;
  }

  /** Reports every key not in `allowed`, so a misspelt field is never silently ignored. */
  knownKeys(object: JsonObject, path: string, allowed: readonly string[]): void {
    for (const key of Object.keys(object)) {
      if (!allowed.includes(key)) {
        this.issues.push(
          error(
            'UNKNOWN_KEY',
            `${path}.${key} is not a known field`,
            this.at(`${path}.${key}`),
            `allowed here: ${allowed.join(', ')}`,
          ),
        );
      }
    }
  }

  array(parent: JsonObject, key: string, path: string, optional = false): JsonValue[] | undefined {
    const value = parent[key];
    if (value === undefined) return this.absent(path, key, optional);
    if (Array.isArray(value)) return value;
    this.invalid(`${path}.${key}`, value, 'an array');
    return undefined;
  }

  string(parent: JsonObject, key: string, path: string, optional = false): string | undefined {
    const value = parent[key];
    if (value === undefined) return this.absent(path, key, optional);
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (typeof value === 'string')
      this.issues.push(
        error('MISSING_VALUE', `${path}.${key} is empty`, this.at(`${path}.${key}`)),
      );
    else this.invalid(`${path}.${key}`, value, 'a string');
    return undefined;
  }

  /**
   * Amounts and rates are decimal strings ("14500.00"), never JSON numbers, which are floats.
   * `growth`: a yearly growth or uplift, negative or not, above -1 and at most 1 (src/core/growth.ts).
   */
  decimal(
    parent: JsonObject,
    key: string,
    path: string,
    options: { optional?: boolean; allowNegative?: boolean; growth?: boolean } = {},
  ): Decimal | undefined {
    const value = parent[key];
    if (value === undefined) return this.absent(path, key, options.optional ?? false);
    const where = this.at(`${path}.${key}`);
    if (typeof value !== 'string') {
      this.issues.push(
        error(
          'INVALID_FIELD',
          `${path}.${key} must be a decimal string such as "0.05", not ${describe(value)}`,
          where,
          'JSON numbers are floats; quote amounts and rates',
        ),
      );
      return undefined;
    }
    const decimal = parseDecimal(value.trim());
    if (!decimal) {
      this.issues.push(
        error(
          'INVALID_NUMBER',
          `${path}.${key} is "${value}": ${whyNotDecimal(value.trim())}`,
          where,
          // A share written "90%" was shown an amount's example (an officer's trial of model.json's writeOff).
          /%\s*$/.test(value)
            ? 'JSON inputs take plain decimals: a share or rate as a decimal ("0.9" is 90%), an amount as digits ("14500.00")'
            : 'write digits with an optional point and sign, e.g. "14500.00"',
        ),
      );
      return undefined;
    }
    const negative = decimal.isNegative() && !decimal.isZero();
    if (!options.allowNegative && !options.growth && negative) {
      this.issues.push(
        error('NEGATIVE_VALUE', `${path}.${key} is ${value}, which must not be negative`, where),
      );
      return undefined;
    }
    const outOfRange = options.growth
      ? growthIssue(`${path}.${key}`, value.trim(), decimal, where, 'json')
      : undefined;
    if (outOfRange) this.issues.push(outOfRange);
    return outOfRange ? undefined : decimal;
  }

  private absent(path: string, key: string, optional: boolean): undefined {
    if (!optional)
      this.issues.push(error('MISSING_VALUE', `${path}.${key} is required`, this.at(path)));
    return undefined;
  }

  private invalid(path: string, value: JsonValue | undefined, expected: string): void {
    this.issues.push(
      error('INVALID_FIELD', `${path} must be ${expected}, not ${describe(value)}`, this.at(path)),
    );
  }

  private nearest(path: string): { line: number; column: number } | undefined {
    for (let p = path; p.length > 1; p = p.replace(/(\.[^.[]*|\[\d+\])$/, '')) {
      const position = this.document.positionOf(p);
      if (position) return position;
    }
    return this.document.positionOf('$');
  }
}

function describe(value: JsonValue | undefined): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}
