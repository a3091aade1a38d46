import { formatAcademicYear, formatFinancialYear } from '../core/period.js';
import type { CalibrationRun } from './calibrated-files.js';

/** The README.md of a calibrated folder: where each file came from, and what the officer must fill in. */
export function calibratedReadme(run: CalibrationRun): string {
  const { spec, fitYears, weight } = run;
  const base = formatAcademicYear(spec.baseYear);
  return `# ${spec.area.code} ${spec.area.name}: a model calibrated from history

Written by \`highneeds calibrate\` from ${run.sources.join(', ')}. The rates were fitted to the years January ${fitYears.first} to January ${fitYears.last + 1}, each shrunk towards its parent with a prior weight of ${weight.toFixed()} (docs/calibration.md in highneeds says how). \`highneeds project\` runs this folder as it is; its **money is not yet yours**: fill in the files marked below first.

| file | what it holds | fill in? |
|---|---|---|
| \`cohort.csv\` | the pupils with plans in January ${spec.baseYear + 1} (base year ${base}), by NCY, need and setting, all in band ${'`'}1${'`'} | no |
| \`ceasing.csv\` | the share of plans ending each year by NCY, NCY × setting and NCY × need × setting | no |
| \`transitions.csv\` | moves between settings by NCY × setting, and with \`need\`/\`to_need\` where needs changed | no |
| \`new-plans.csv\` | new plans per head of the resident population by NCY, need and setting | no |
| \`population.csv\` | resident children by NCY, ${formatAcademicYear(spec.baseYear + 1)} to ${formatAcademicYear(spec.horizon)} | check it is your latest forecast |
| \`tariff.json\` | a **stub**: one band per setting, its top-up the cost per pupil given to calibrate (0 where none was given), place values 0 | **yes**: your banding, top-ups and place values, and who funds each setting's places (\`placeFundedBy\`: \`"dfe"\` for academies, free schools and FE); a place value is charged on top of the top-up, so if the costs given were whole costs per pupil, take it off the top-up (keep its setting ids, which every CSV of the folder uses) |
| \`funding.csv\` | **zeros** | **yes**: the opening DSG balance and the high needs block (until then \`highneeds validate\` warns ZERO_HNB_ALLOCATION: every balance would be spend alone) |
| \`calibration.csv\` | every fitted rate with its numerator, exposure, level and parent, and fitted against actual totals for each fit year | no: it is the evidence |

The \`observed\` and \`exposure\` columns of the rate files are the pseudo-counts each rate is the mean of (observed ÷ exposure = rate): \`highneeds simulate\` draws each rate from them.

Horizon: ${formatFinancialYear(spec.horizon)}. Bands are not fitted: once the tariff is yours, give each pupil of cohort.csv and each new-plans row a band it prices, and add a \`to_band\` column to transitions.csv giving each move the band it takes in its new setting (without it a pupil keeps the band it had, which the new setting may not price: \`highneeds validate\` says where).
`;
}
