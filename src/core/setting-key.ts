/** A setting id as people vary it: any case, spaces or underscores for hyphens ("Special School" → "special-school"). */
export function settingKey(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-');
}
