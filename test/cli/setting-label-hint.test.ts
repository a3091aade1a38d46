import { expect, it } from 'vitest';
import { exampleWith } from '../helpers/example-with.js';
import { cli } from '../helpers/run-cli.js';

// Found in an officer's trial: a cohort.csv written with the settings' labels, as init's README
// lists them beside each id ("special-maintained (Maintained special school)"), was told only
// the list of ids. The hint now says which id a label is.
it("a setting written as its label is told the setting's id", async () => {
  const dir = exampleWith({
    'cohort.csv':
      'ncy,need,setting,band,count\n7,ASD,Maintained special school,2,3\n8,ASD,Mainstream School,2,1\n9,SEMH,Alternative provision/PRU,1,1\n',
  });
  const result = await cli(['validate', dir]);
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(
    'hint: "Maintained special school" is the label of setting "special-maintained": write special-maintained; settings: ',
  );
  // Without the label's bracketed gloss ("Mainstream school (top-up above the £6,000 …)").
  expect(result.stderr).toContain('hint: "Mainstream School" is the label of setting "mainstream"');
  expect(result.stderr).toContain('hint: "Alternative provision/PRU" is the label of setting "ap"');
});

it('explain --setting written as its label is told the id', async () => {
  const result = await cli([
    'explain',
    'fixtures/example',
    '--year',
    '2027-28',
    '--figure',
    'spend_top_up',
    '--setting',
    'Special academy or free school',
  ]);
  expect(result.code).toBe(2);
  expect(result.stderr).toContain(
    'hint: "Special academy or free school" is the label of setting "special-academy": write special-academy',
  );
});
