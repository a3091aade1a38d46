import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { onTestFinished } from 'vitest';

/**
 * A copy of fixtures/example in a scratch folder with some of its files replaced (name → text),
 * removed when the test that asks for it finishes: an officer's table as they wrote it, in an
 * otherwise valid model. Call it inside a test.
 */
export function exampleWith(files: Readonly<Record<string, string>>): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'highneeds-example-with-')), 'model');
  onTestFinished(() => rmSync(path.dirname(dir), { recursive: true, force: true }));
  cpSync('fixtures/example', dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}
