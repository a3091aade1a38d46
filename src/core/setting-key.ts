import { editDistance } from './edit-distance.js';

/** A setting id as people vary it: any case, spaces or underscores for hyphens ("Special School" → "special-school"). */
export function settingKey(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-');
}

/**
 * The settings a hint lists, after the nearest id when `text` is a near miss (two edits or fewer
 * in its settingKey: "Special Academy" or "independant"): a model CSV's cell, and explain's
 * --setting (found by an officer's trial: there, only the list).
 */
export function settingsHint(text: string, ids: Iterable<string>): string {
  const key = settingKey(text);
  let best: { id: string; distance: number } | undefined;
  for (const id of ids) {
    const distance = editDistance(key, settingKey(id), 2);
    if (distance <= 2 && (!best || distance < best.distance)) best = { id, distance };
  }
  return `${best ? `did you mean "${best.id}"? ` : ''}settings: ${[...ids].join(', ')}`;
}
