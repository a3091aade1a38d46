// Regenerates test/golden/* from the built binary. Run by hand after a deliberate change
// in output (npm run build first), then review the diff. CI never writes goldens.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { GOLDENS, scrub } from '../test/golden/cases.mjs';

for (const { file, args } of GOLDENS) {
  const result = spawnSync(process.execPath, ['bin/highneeds', ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, NO_COLOR: '1' },
  });
  if (result.status !== 0)
    throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  writeFileSync(new URL(`../test/golden/${file}`, import.meta.url), scrub(result.stdout));
  console.log(`wrote test/golden/${file}`);
}
