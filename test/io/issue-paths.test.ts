import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { error } from '../../src/core/issue.js';
import { issueFromBase } from '../../src/io/issue-paths.js';
import { ROOT } from '../helpers/exec.js';

// The working folder is the repository's (vitest's root): displayPath names files below it from it.
describe("an issue's paths from a national folder (src/io/issue-paths.ts)", () => {
  const base = path.join(ROOT, 'fixtures/national');

  it('names a library file as the manifest does, in its location and its message', () => {
    const issue = error('FILE_MISSING', 'tariffs/nope.json cannot be read (EACCES)', {
      file: 'tariffs/nope.json',
    });
    expect(issueFromBase(base, issue)).toEqual(
      error('FILE_MISSING', 'highneeds:tariffs/nope.json cannot be read (EACCES)', {
        file: 'highneeds:tariffs/nope.json',
      }),
    );
  });

  it('renames a path only where it stands whole, not inside a longer path or a word', () => {
    const issue = error(
      'FILE_MISSING',
      'required file x.csv was not found in fixtures/national/north; not fixtures/national-old/north nor national',
      { file: 'fixtures/national/north/x.csv', line: 2 },
    );
    expect(issueFromBase(base, issue)).toEqual(
      error(
        'FILE_MISSING',
        'required file x.csv was not found in north; not fixtures/national-old/north nor national',
        { file: 'north/x.csv', line: 2 },
      ),
    );
  });

  it('leaves an option named as the location as it is', () => {
    const issue = error('UNKNOWN_SCENARIO', 'no scenario "x"', { file: '--scenario' });
    expect(issueFromBase(base, issue)).toBe(issue);
  });

  it('names the national folder itself `.`, in its location and its message, not an empty name (found by a review)', () => {
    const issue = error('FILE_MISSING', 'fixtures/national is odd; fixtures/national again', {
      file: 'fixtures/national',
    });
    expect(issueFromBase(`${base}/`, issue)).toEqual(
      error('FILE_MISSING', '. is odd; . again', { file: '.' }),
    );
  });

  it("names another file below the national folder from it, as DUPLICATE_AREA names another area's (found by a review)", () => {
    const issue = error(
      'DUPLICATE_AREA',
      'area "999" is already the area of fixtures/national/a b/model.json, not fixtures/nationals/x',
      { file: 'fixtures/national/c/model.json' },
    );
    expect(issueFromBase(base, issue)).toEqual(
      error(
        'DUPLICATE_AREA',
        'area "999" is already the area of a b/model.json, not fixtures/nationals/x',
        { file: 'c/model.json' },
      ),
    );
  });

  it("names another area's folder from the national folder whatever its name starts with (found by a scripter's trial)", () => {
    const issue = error(
      'DUPLICATE_AREA',
      'area "999" is already the area of fixtures/national/(old) north/model.json and fixtures/national/=1+2/model.json',
      { file: 'fixtures/national/c/model.json' },
    );
    expect(issueFromBase(base, issue).message).toBe(
      'area "999" is already the area of (old) north/model.json and =1+2/model.json',
    );
  });
});
