import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/issue.js';
import {
  historyPopulationColumns,
  readHistoryPopulation,
} from '../../src/io/read-history-population.js';
import { csv, described } from '../helpers/io-tables.js';

const read = (...lines: string[]) => {
  const issues: Issue[] = [];
  const population = readHistoryPopulation(
    csv('population.csv', historyPopulationColumns(lines.join('\n'), true), ...lines),
    true,
    issues,
  );
  return { keys: [...population.keys()], issues: described(issues) };
};

// Found by an LA analyst's trial: an ONS table's "All ages" row was an NCY error, and its last
// single year of age, "90+" (86+ once turned into NCYs), would have been one too.
describe("a history's population from an ONS table", () => {
  it('rows for all ages together are not read, with one warning at the first', () => {
    const { keys, issues } = read(
      'calendar-year,academic-year,population',
      '2024,0,3120',
      '2024,All ages,650000',
      '2025,0,3100',
      '2025,Total,651000',
    );
    expect(keys).toHaveLength(2);
    expect(issues).toEqual([
      'warning POPULATION_NCY_UNUSED population.csv:3:2: 2 rows are for all ages together, not one NCY, and not read ("All ages", the first here)',
    ]);
  });

  it('"86+" is an NCY beyond the model, not read, as 21 to 86 are', () => {
    const { keys, issues } = read(
      'calendar-year,academic-year,population',
      '2024,0,3120',
      '2024,86+,400',
    );
    expect(keys).toHaveLength(1);
    expect(issues).toEqual([
      'warning POPULATION_NCY_UNUSED population.csv:3:2: a row is for an NCY outside -3 to 20, the years the model follows, and not read (NCY 86+, the first here)',
    ]);
  });
});
