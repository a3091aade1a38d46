/**
 * The examples at the end of each command's --help (clig.dev: "lead with examples"). Every one
 * runs from the repository on the shipped fixtures; test/cli/help.test.ts runs them all.
 */
export const HELP_EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  '': [
    'highneeds project   # the shipped example, five financial years',
    'highneeds init my-area --area 880 --name "My Borough"',
    'highneeds compare fixtures/example --scenarios unmitigated,mitigated',
  ],
  project: [
    'highneeds project fixtures/example --format table',
    'highneeds project fixtures/example --scenario mitigated --detail --out projection.csv',
    'highneeds project fixtures/nff/model --hnb-from fixtures/nff/allocations-2026-27.csv',
    'highneeds project fixtures/national --area N02 --scenario mitigated',
  ],
  init: [
    'highneeds init my-area --area 880 --name "My Borough"',
    'highneeds init my-national --national --tariff national-illustrative',
  ],
  validate: [
    'highneeds validate fixtures/example',
    'highneeds validate fixtures/national --quiet && echo valid',
  ],
  nff: [
    'highneeds nff fixtures/nff/nff-factors.csv --year 2025-26',
    'highneeds nff fixtures/nff/nff-factors.csv --year 2025-26 --area 880',
    'highneeds nff fixtures/nff/worked/nff-factors.csv --year 2025-26 --params fixtures/nff/worked/nff-parameters --solve-cap --out nff-2025-26.csv',
  ],
  batch: [
    'highneeds batch fixtures/national --out-dir out',
    'highneeds batch fixtures/national --out-dir out --scenarios unmitigated,mitigated --jobs 2 --quiet',
    'highneeds batch fixtures/national --out-dir out --scenarios unmitigated --draws 100 --seed 7 --quiet',
  ],
  simulate: [
    'highneeds simulate fixtures/example --draws 200 --seed 7 --format table',
    'highneeds simulate fixtures/example --scenario mitigated --draws 200 --threshold -30000000 --out intervals.json',
  ],
  report: [
    'highneeds report fixtures/example --out report.html',
    'highneeds report fixtures/example --scenarios unmitigated,mitigated --out report.xlsx',
  ],
  compare: [
    'highneeds compare fixtures/example',
    'highneeds compare fixtures/example --scenarios unmitigated,mitigated --savings --format csv',
  ],
  solve: [
    "highneeds solve fixtures/example --scenario demand-management --target 'in-year-balance>=0@2028-29' --vary lever:fewer-new-plans.share --range -1,0",
    "highneeds solve fixtures/example --target 'cumulative-balance>=0@2030-31' --vary assumption:hnbGrowth --range 0,0.2 --format csv --out solved.csv",
  ],
  explain: [
    'highneeds explain fixtures/example --year 2027-28 --figure spend_top_up --setting special-academy',
    'highneeds explain fixtures/example --year 2028-29 --figure income_transfer --scenario mitigated',
    'highneeds explain fixtures/example --year 2030-31 --figure cumulative_balance --format json --out balance.json',
  ],
  tariffs: [
    'highneeds tariffs list',
    'highneeds tariffs show example-borough-2025 --at 2026-04-01',
    'highneeds tariffs diff example-borough-2025 national-illustrative --at 2026-04-01 --model fixtures/example',
  ],
  'tariffs list': [
    'highneeds tariffs list',
    'highneeds tariffs list --format csv --out tariffs.csv',
  ],
  'tariffs show': [
    'highneeds tariffs show example-borough-2025',
    'highneeds tariffs show example-borough-2025 --at 2026-04-01 --format csv',
  ],
  'tariffs check': [
    'highneeds tariffs check',
    'highneeds tariffs check tariffs/example-borough-2025.json --quiet',
  ],
  'tariffs diff': [
    'highneeds tariffs diff example-borough-2025 national-illustrative --at 2026-04-01',
    'highneeds tariffs diff example-borough-2025 national-illustrative --model fixtures/example',
  ],
  'tariffs import': [
    'highneeds tariffs import fixtures/tariff-import/rates.csv --settings fixtures/tariff-import/settings.csv --id imported --title "Imported bands" --reference https://example.org/bands --out imported.json',
  ],
  calibrate: [
    'highneeds calibrate --transitions fixtures/history/transitions.csv --population fixtures/history/population.csv --codes fixtures/history/codes.csv --out-dir calibrated',
    'highneeds calibrate --snapshots fixtures/history/snapshots.csv --population fixtures/history/population.csv --codes fixtures/history/codes.csv --costs fixtures/history/costs.csv --fit-years 2021-2024 --out-dir recent',
  ],
  backtest: [
    'highneeds backtest --transitions fixtures/history/transitions.csv --population fixtures/history/population.csv --codes fixtures/history/codes.csv --format table',
    'highneeds backtest --transitions fixtures/history/transitions.csv --population fixtures/history/population.csv --codes fixtures/history/codes.csv --summary --out backtest.csv',
  ],
  'tariffs export': [
    'highneeds tariffs export example-borough-2025',
    'highneeds tariffs export example-borough-2025 --csv --out-dir mine',
  ],
};
