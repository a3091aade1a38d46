import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel, project } from '../../src/index.js';
import { renderCsv } from '../../src/report/csv.js';
import { SUMMARY_COLUMNS, summaryRows } from '../../src/report/rows.js';
import { ROOT } from '../helpers/exec.js';

describe('library API', () => {
  it('loadModel + project give the same figures as the CLI', () => {
    const loaded = loadModel(path.join(ROOT, 'fixtures/example'));
    expect(loaded.issues).toEqual([]);
    const { projection } = project(loaded.model!);
    expect(renderCsv(SUMMARY_COLUMNS, summaryRows(projection!))).toBe(
      readFileSync(path.join(ROOT, 'test/golden/example.csv'), 'utf8'),
    );
  });
});
