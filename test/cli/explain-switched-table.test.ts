import { describe, expect, it } from 'vitest';
import { switchedTableModel } from '../helpers/switched-table-model.js';
import { cli } from '../helpers/run-cli.js';

/**
 * explain under a scenario whose tariff lever switches settings to another table (found by an
 * officer's trial): the rates charged after the switch are the other table's, while the table
 * named under them was the model's alone. Now each switch is named, with its lever and date.
 */
describe('explain names the tables a scenario switches to', () => {
  it('under the tariff, in the table and in the JSON', async () => {
    const dir = switchedTableModel();
    const args = ['explain', dir, '--year', '2027-28', '--figure', 'spend_top_up'];
    const table = await cli([...args, '--scenario', 'plan']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(
      /\nTariff: example-borough-2025, [^\n]*\n {2}from 2026-09-01, lever new-table switches mainstream, ap to: new-bands, New bands from September 2026\n$/,
    );
    const json = await cli([...args, '--scenario', 'plan', '--format', 'json']);
    const parsed = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(parsed['switched_to']).toEqual([
      {
        lever: 'new-table',
        from: '2026-09-01',
        id: 'new-bands',
        title: 'New bands from September 2026',
        settings: ['mainstream', 'ap'],
      },
    ]);
    // The model as given switches nothing: no line, no field.
    const given = await cli([...args, '--format', 'json']);
    expect(JSON.parse(given.stdout)).not.toHaveProperty('switched_to');
  });
});
