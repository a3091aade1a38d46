// Prints the docs/errors.md section for one issue code from its fixture, to paste in when a
// code is added: node scripts/error-doc-section.mjs CODE "what the fixture breaks" [ENV=VALUE…]
// (npm run build first). test/docs/errors-doc.test.ts checks the page afterwards.
import { spawnSync } from 'node:child_process';
import { ISSUE_CODES } from '../dist/core/codes.js';
import { catalogueArgs } from '../test/cli/catalogue-commands.mjs';

const [code, what, ...assignments] = process.argv.slice(2);
if (!code || !what || !(code in ISSUE_CODES))
  throw new Error(
    'usage: node scripts/error-doc-section.mjs CODE "what the fixture breaks" [ENV=VALUE…]',
  );
const env = Object.fromEntries(assignments.map((a) => a.split('=')));
const args = catalogueArgs(code);
const result = spawnSync(process.execPath, ['bin/highneeds', ...args], {
  encoding: 'utf8',
  env: { PATH: process.env.PATH, NO_COLOR: '1', ...env },
});
const { cause, fix } = ISSUE_CODES[code];
const severity = /\(warning/.test(cause)
  ? 'Warning (exit 0).'
  : result.status === 2
    ? 'Usage error (exit 2).'
    : 'Error (exit 1).';
process.stdout.write(
  `## ${code}\n\n${severity}\n\n**Cause:** ${cause}\n\n**Fix:** ${fix}\n\n**Fixture:** ${result.status === 2 ? `\`fixtures/errors/${code}/\`, with a file \`${args[0]}.args\` (the options after the folder) that asks for` : `\`fixtures/errors/${code}\`, in which`} ${what}.\n\n\`\`\`\n$ ${assignments.map((a) => `${a} `).join('')}highneeds ${args.join(' ')}\n${result.stderr}\`\`\`\n\n`,
);
