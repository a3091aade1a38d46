import { editDistance, nearReach } from './edit-distance.js';

/** A setting id as people vary it: any case, spaces or underscores for hyphens ("Special School" → "special-school"). */
export function settingKey(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-');
}

/**
 * The settings a hint lists, after the nearest id when `text` is a near miss (within nearReach
 * in its settingKey: "Special Academy" or "independant"): a model CSV's cell, and explain's
 * --setting (found by an officer's trial: there, only the list).
 */
export function settingsHint(
  text: string,
  ids: Iterable<string>,
  labelled: readonly { readonly id: string; readonly label: string }[] = [],
): string {
  const key = settingKey(text);
  // Within nearReach, as every other slip: "xy" was asked whether it meant "ap".
  const reach = nearReach(key);
  let best: { id: string; distance: number } | undefined;
  for (const id of ids) {
    const distance = editDistance(key, settingKey(id), reach);
    if (reach > 0 && distance <= reach && (!best || distance < best.distance))
      best = { id, distance };
  }
  // A near miss of an id first; else a setting's label (a tariff without labels has its ids as them).
  const named = best ? undefined : labelOf(text, labelled);
  if (named)
    return `"${text.trim()}" is the label of setting "${named}": write ${named}; settings: ${[...ids].join(', ')}`;
  return `${best ? `did you mean "${best.id}"? ` : ''}settings: ${[...ids].join(', ')}`;
}

/** Letters and digits alone, lower case: a label as people retype it ("Alternative provision/PRU"). */
const letters = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * The setting whose label the text is, whole or without its bracketed gloss ("Mainstream school"
 * for "Mainstream school (top-up above the £6,000 notional SEN budget)"), when one setting's
 * alone: an officer's trial wrote the label init's README gives beside each id, "Maintained
 * special school", and the hint listed the ids without saying which it was.
 */
function labelOf(
  text: string,
  labelled: readonly { readonly id: string; readonly label: string }[],
): string | undefined {
  const key = letters(text);
  if (key === '') return undefined;
  const matches = labelled.filter(
    (s) => letters(s.label) === key || letters(s.label.replace(/\s*\(.*\)\s*$/, '')) === key,
  );
  return matches.length === 1 ? matches[0]!.id : undefined;
}
