import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { libraryName, provenanceName } from '../../src/io/provenance-name.js';
import { ROOT } from '../helpers/exec.js';

describe('how provenance names an input (src/io/provenance-name.ts)', () => {
  it("names a file of the package's library by its library name, from any model folder", () => {
    const tariff = path.join(ROOT, 'tariffs/example-borough-2025.json');
    expect(provenanceName(path.join(ROOT, 'fixtures/example'), tariff)).toBe(
      'highneeds:tariffs/example-borough-2025.json',
    );
    expect(provenanceName('/somewhere/else', tariff)).toBe(
      'highneeds:tariffs/example-borough-2025.json',
    );
    expect(libraryName(path.join(ROOT, 'templates/dsg-plan-map.csv'))).toBe(
      'highneeds:templates/dsg-plan-map.csv',
    );
    expect(libraryName(path.join(ROOT, 'nff-parameters/2025-26.json'))).toBe(
      'highneeds:nff-parameters/2025-26.json',
    );
  });

  it('names a library by the root given, wherever it is', () => {
    expect(libraryName('/opt/x/policy/statutory-override.json', '/opt/x')).toBe(
      'highneeds:policy/statutory-override.json',
    );
    expect(libraryName('/opt/y/policy/statutory-override.json', '/opt/x')).toBeUndefined();
  });

  it("names the package's other files, and every user file, from the model folder", () => {
    const example = path.join(ROOT, 'fixtures/example');
    expect(libraryName(path.join(example, 'model.json'))).toBeUndefined();
    expect(libraryName(path.join(ROOT, 'package.json'))).toBeUndefined();
    expect(libraryName(path.join(ROOT, 'tariffs'))).toBeUndefined();
    expect(provenanceName(example, path.join(example, 'model.json'))).toBe('model.json');
    expect(provenanceName('/m/model', '/m/shared/tariff.json')).toBe('../shared/tariff.json');
    // A name that only begins with two dots is inside the folder.
    expect(provenanceName('/m/model', '/m/model/..notes.csv')).toBe('..notes.csv');
  });
});
