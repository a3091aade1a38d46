import { readFileSync } from 'node:fs';
import { exampleWith } from './example-with.js';

/**
 * The example with a scenario "plan" whose tariff lever switches mainstream and ap to another
 * table from 2026-09-01 (found by an officer's trial: explain and the report named only the
 * model's table): new-bands.json, the example's table renamed, its £12,000.00 rates £12,345.67
 * so that its figures are told from the model's; and a scenario "now" with no levers. Call it
 * inside a test.
 */
export function switchedTableModel(): string {
  return exampleWith({
    'new-bands.json': readFileSync('tariffs/example-borough-2025.json', 'utf8')
      .replace('"id": "example-borough-2025"', '"id": "new-bands"')
      .replace(/"title": "[^"]*"/, '"title": "New bands from September 2026"')
      .replace(/"topUp": "12000.00"/g, '"topUp": "12345.67"'),
    'scenarios.json': JSON.stringify({
      scenarios: [
        { id: 'now', label: 'As now' },
        {
          id: 'plan',
          label: 'Plan',
          levers: [
            {
              id: 'new-table',
              label: 'New bands',
              kind: 'tariff',
              from: '2026-09-01',
              tariff: 'new-bands.json',
              filter: { setting: ['mainstream', 'ap'] },
            },
          ],
        },
      ],
    }),
  });
}
