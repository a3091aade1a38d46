import { expect, it } from 'vitest';
import { exampleWith } from '../helpers/example-with.js';
import { cli } from '../helpers/run-cli.js';

// Found in an officer's trial: a population.csv taken from ONS single-year-of-age estimates, with
// an Age column, was told only that "ncy" is missing and that "Age" would be ignored. Where a
// table lacks its ncy and has an age column, the error says how one gives the other.
it('an age column where the NCY is missing is told NCY = age − 4, in population.csv and cohort.csv alike', async () => {
  const dir = exampleWith({
    'population.csv': 'Academic Year,Age,Population\r\n2025/26,4,"5,210"\r\n',
    'cohort.csv': 'age,need,setting,band\n11,ASD,mainstream,1\n',
  });
  const result = await cli(['validate', dir]);
  expect(result.code).toBe(1);
  const hint =
    'error MISSING_COLUMN: required column "ncy" is missing\n  hint: column "age" holds ages, not NCYs: give an ncy column, the age at 31 August − 4 (age 4 is Reception, NCY 0; age 24 is NCY 20); expected columns: ';
  expect(result.stderr).toContain(`population.csv:1: ${hint}academic_year, ncy, population`);
  expect(result.stderr).toContain(`cohort.csv:1: ${hint}ncy, need, setting, band`);
});
