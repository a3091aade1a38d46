/**
 * The examples at the end of each command's --help (clig.dev: "lead with examples"). Every one
 * runs from the repository on the shipped fixtures; test/cli/help.test.ts runs them all.
 */
export const HELP_EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  '': [
    'highneeds project                                   # the shipped example, five financial years',
    'highneeds init my-area --area 880 --name "My Borough"',
    'highneeds compare fixtures/example --scenarios unmitigated,mitigated',
  ],
  project: [
    'highneeds project fixtures/example --format table',
    'highneeds project fixtures/example --scenario mitigated --detail --out projection.csv',
    'highneeds project fixtures/nff/model --hnb-from fixtures/nff/allocations-2026-27.csv',
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
  'tariffs export': [
    'highneeds tariffs export example-borough-2025',
    'highneeds tariffs export example-borough-2025 --csv --out-dir mine',
  ],
};

/** The examples as a help section, after commander's own text. */
export function examplesText(command: string): string {
  const examples = HELP_EXAMPLES[command];
  return examples?.length
    ? `\nExamples:\n${examples.map((line) => `  $ ${line}`).join('\n')}\n`
    : '';
}
