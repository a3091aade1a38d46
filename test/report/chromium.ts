import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** Debian's chromium (installed by .ci/run where it can be); undefined where there is none. */
export const CHROMIUM = ['chromium', 'chromium-browser'].find(
  (name) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0,
);

/**
 * Whether the font docs/img/report.png was taken in is here: Liberation Sans, which Chromium uses
 * for the report's Arial. Without it the fallback (DejaVu Sans) is wider and ~10% of pixels differ.
 */
export const SCREENSHOT_FONT = Boolean(
  spawnSync('fc-list', [':family=Liberation Sans'], { encoding: 'utf8' }).stdout?.trim(),
);

/** One headless Chromium run on a file, with a fresh profile, nothing fetched and nothing synced. */
export function chromium(
  file: string,
  args: readonly string[],
): { stdout: string; stderr: string; status: number | null } {
  const profile = mkdtempSync(path.join(tmpdir(), 'highneeds-chromium-'));
  try {
    const run = spawnSync(
      CHROMIUM!,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${profile}`,
        '--enable-logging=stderr',
        '--v=0',
        ...args,
        `file://${path.resolve(file)}`,
      ],
      { encoding: 'utf8', timeout: 90_000, maxBuffer: 64 * 1024 * 1024 },
    );
    return { stdout: run.stdout, stderr: run.stderr, status: run.status };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
