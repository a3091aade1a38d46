import { displayPath } from '../io/files.js';
import { spinner } from './terminal.js';

/** The spinner of a run that draws: how far the draws have got, and its stop. */
export interface DrawingProgress {
  /** Told the share of the draws begun (simulateOnThreads' `begun`). */
  readonly begun: (share: number) => void;
  readonly stop: () => void;
}

/**
 * "Drawing N times from DIR: 37%" on a terminal while simulate draws, or report draws its range
 * of outcomes (which ran silent for as long as simulate's, found by a user trial); nothing off a
 * terminal, in CI, under --quiet or with JSON output (src/cli/terminal.ts).
 */
export async function drawingProgress(
  draws: number,
  dir: string,
  options: { quiet: boolean; json: boolean },
  /**
   * With --area, the area drawn: "from" a national model alone read as every area drawn, which a
   * national-sized area's minutes made worth asking (found by a DfE analyst's trial).
   */
  area?: { readonly code: string; readonly name: string },
): Promise<DrawingProgress> {
  const from = area ? `, area ${area.code} (${area.name})` : '';
  const drawing = `Drawing ${draws} times from ${displayPath(dir)}${from}`;
  const progress = (await spinner(drawing, options)).start();
  return {
    begun: (share) => progress.update(`${drawing}: ${Math.floor(share * 100)}%`),
    stop: () => progress.stop(),
  };
}
