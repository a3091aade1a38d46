import { formatAcademicYear, formatFinancialYear } from '../core/period.js';
import type { CalibrationRun } from './calibrated-files.js';

/** The README.md of a calibrated folder: where each file came from, and what the officer must fill in. */
export function calibratedReadme(run: CalibrationRun): string {
  const { spec, fitYears, weight } = run;
  const base = formatAcademicYear(spec.baseYear);
  // A snapshots file may give bands, which the cohort carries (docs/calibration.md, "Bands").
  const banded = spec.cohort.some((state) => state.band !== undefined);
  return `# ${spec.area.code} ${spec.area.name}: a model calibrated from history

Written by \`highneeds calibrate\` from ${run.sources.join(', ')}. The rates were fitted to the years January ${fitYears.first} to January ${fitYears.last + 1}, each shrunk towards its parent with a prior weight of ${weight.toFixed()} (docs/calibration.md in highneeds says how). \`highneeds project\` runs this folder as it is; its **money is not yet yours**: fill in the files marked below first.

| file | what it holds | fill in? |
|---|---|---|
| \`model.json\` | the area, ${spec.area.code} ${spec.area.name} (calibrate's \`--area\` and \`--name\`), the base year, the horizon and growth assumptions of 0: new plans change with the population alone (\`newPlansGrowth\`), top-ups stay flat in cash (\`tariffUplift\`) and the high needs block stays flat after the years funding.csv gives (\`hnbGrowth\`) | **check**: the area's code and name head every output and report; set the growth you plan for |
| \`cohort.csv\` | the pupils with plans in January ${spec.baseYear + 1} (base year ${base}), by NCY, need and setting, ${banded ? "and band: each pupil's band as the snapshots gave it (band `1` where they gave none)" : 'all in band `1`'} | no |
| \`ceasing.csv\` | the share of plans ending each year by NCY, NCY × setting and NCY × need × setting | no |
| \`transitions.csv\` | moves between settings by NCY × setting, and with \`need\`/\`to_need\` where needs changed | no |
| \`new-plans.csv\` | new plans per head of the resident population by NCY, need and setting | no |
| \`population.csv\` | resident children by NCY, ${populationYears(spec.baseYear + 1, spec.horizon)} | check it is your latest forecast |
| \`tariff.json\` | a **stub**: ${banded ? "every band of the cohort, and band `1` (the new plans'), in every setting, each band's top-up" : 'one band per setting, its top-up'} the cost per pupil given to calibrate (0 where none was given), place values 0 | **yes** (until then \`highneeds project\` and \`validate\` warn ZERO_SPEND if every figure is 0): your banding, top-ups and place values, and who funds each setting's places (\`placeFundedBy\`: \`"dfe"\` for academies, free schools and FE); a place value is charged on top of the top-up, so if the costs given were whole costs per pupil, take it off the top-up (keep its setting ids, which every CSV of the folder uses); to edit it in a spreadsheet, \`highneeds tariffs export FOLDER/tariff.json --csv\` writes it as CSVs and says how to bring it back |
| \`funding.csv\` | **zeros** | **yes**: the \`opening_balance\` of ${formatFinancialYear(spec.baseYear)} (the high-needs DSG balance at its end, negative for a deficit) and the \`hnb_allocation\` of ${formatFinancialYear(spec.baseYear + 1)} (the high needs block before deductions; later years grow it by \`hnbGrowth\` in model.json, 0, unless you add their rows); until then \`highneeds project\` and \`validate\` warn ZERO_HNB_ALLOCATION: every balance would be spend alone |
| \`calibration.csv\` | every fitted rate with its numerator, exposure, level and parent, and fitted against actual totals for each fit year | no: it is the evidence |

The \`observed\` and \`exposure\` columns of the rate files are the pseudo-counts each rate is the mean of (observed ÷ exposure = rate): \`highneeds simulate\` draws each rate from them.

Horizon: ${formatFinancialYear(spec.horizon)}. Bands are not fitted: once the tariff is yours, give ${banded ? 'each pupil of cohort.csv in band `1` (the snapshots gave them none)' : 'each pupil of cohort.csv'} and each new-plans row a band it prices, and add a \`to_band\` column to transitions.csv giving each move the band it takes in its new setting (without it a pupil keeps the band it had, which the new setting may not price: \`highneeds validate\` says where).

## Then

From the folder above this one (FOLDER is this folder's name):

\`\`\`sh
highneeds validate FOLDER
highneeds project FOLDER
highneeds simulate FOLDER --draws 1000 --seed 1
highneeds report FOLDER --out report.html --draws 1000
\`\`\`

\`simulate\` and \`report --draws\` give the range of outcomes if the fitted rates are right: chance in the rates and in the pupils, not a change of policy, prices or trend (docs/simulate.md in highneeds, "What an interval means, and what it does not"). How often such ranges held in the past is what \`highneeds backtest\` says, run on the same history files with \`--draws 1000\`: its coverage near 95% means they held; well below it, that they are too narrow, so say so beside them.

Calibrating again (a new January's extract) writes a new folder, never over this one: copy into it the files you filled in here, \`tariff.json\` and \`funding.csv\` (with a new year's balance and allocation), and model.json's area and growth.
`;
}

/** A span of academic years, one year named once ("2024/25", not "2024/25 to 2024/25"). */
const populationYears = (first: number, last: number): string =>
  first === last
    ? formatAcademicYear(first)
    : `${formatAcademicYear(first)} to ${formatAcademicYear(last)}`;
