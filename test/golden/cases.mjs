// The golden runs: each is a command of the real binary and the file holding its expected stdout,
// with the codes of the warnings it gives on stderr (none unless `warns` names them).
export const GOLDENS = [
  { file: 'example.csv', args: ['project', 'fixtures/example', '--format', 'csv'] },
  {
    file: 'example-detail.csv',
    args: ['project', 'fixtures/example', '--format', 'csv', '--detail'],
  },
  { file: 'example.json', args: ['project', 'fixtures/example', '--format', 'json', '--detail'] },
  { file: 'example.txt', args: ['project', 'fixtures/example', '--format', 'table'] },
  // The worked example gives no places for 2027/28 on purpose (docs/methodology.md): warned of.
  {
    file: 'worked-example.txt',
    args: ['project', 'fixtures/worked-example', '--format', 'table', '--detail'],
    warns: ['PLACES_END_EARLY'],
  },
  {
    file: 'worked-example.csv',
    args: ['project', 'fixtures/worked-example', '--format', 'csv'],
    warns: ['PLACES_END_EARLY'],
  },
  { file: 'second-case.csv', args: ['project', 'fixtures/second-case', '--format', 'csv'] },
  {
    file: 'nff.csv',
    args: ['nff', 'fixtures/nff/nff-factors.csv', '--year', '2025-26', '--format', 'csv'],
  },
  {
    file: 'nff-worked.txt',
    args: [
      'nff',
      'fixtures/nff/worked/nff-factors.csv',
      '--year',
      '2025-26',
      '--params',
      'fixtures/nff/worked/nff-parameters',
      '--format',
      'table',
    ],
  },
  {
    file: 'nff-model.txt',
    args: [
      'project',
      'fixtures/nff/model',
      '--hnb-from',
      'fixtures/nff/allocations-2026-27.csv',
      '--format',
      'table',
    ],
  },
  {
    file: 'nff-model.json',
    args: [
      'project',
      'fixtures/nff/model',
      '--hnb-from',
      'fixtures/nff/allocations-2026-27.csv',
      '--format',
      'json',
    ],
  },
];

/** Only the tool's version varies between builds; everything else must match to the byte. */
export const scrub = (text) => text.replace(/"version": "[^"]*"/, '"version": "<version>"');
