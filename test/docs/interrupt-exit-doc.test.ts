import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';

// Found by a user trial (a script run by a funding analyst, killed with Ctrl-C): the run exits 130
// (143 for SIGTERM; test/cli/interrupt.test.ts), which neither exit-code table mentioned.
it('README and docs/errors.md say what an interrupted run exits with and prints, as src/cli/main.ts does', () => {
  const main = readFileSync(path.join(ROOT, 'src/cli/main.ts'), 'utf8');
  expect(main).toContain("onSignal('SIGINT', 130);");
  expect(main).toContain("onSignal('SIGTERM', 143);");
  expect(main).toContain(
    '`highneeds: interrupted (${signal}); earlier output files are unchanged\\n`',
  );
  for (const [file, heading] of [
    ['README.md', '## Errors and exit codes'],
    ['docs/errors.md', '## Exit codes'],
  ] as const) {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    const section = text.slice(
      text.indexOf(heading),
      text.indexOf('\n## ', text.indexOf(heading) + 1),
    );
    expect(section, file).toContain('Ctrl-C (SIGINT) or SIGTERM exits 130 or 143');
    expect(section, file).toContain(
      '`highneeds: interrupted (SIGINT); earlier output files are unchanged`',
    );
  }
});
