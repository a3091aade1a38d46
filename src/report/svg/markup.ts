import { formatLocale, precisionFixed } from 'd3-format';

/** Text safe inside XML/HTML elements and attributes. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A fixed UK locale: numbers never depend on the machine's locale (no toLocaleString). */
const UK = formatLocale({
  decimal: '.',
  thousands: ',',
  grouping: [3],
  currency: ['£', ''],
  minus: '-',
});
const whole = UK.format(',.0f');

/**
 * An axis or label figure: money in £ millions, to one decimal or as many as `step` (the gap
 * between an axis's ticks, in pounds) needs for no two ticks to read alike; counts whole.
 */
export function axisText(value: number, unit: 'money' | 'count', step = 1e5): string {
  if (unit === 'count') return whole(value);
  const text = UK.format(`,.${Math.max(1, precisionFixed(step / 1e6))}f`)(Math.abs(value) / 1e6);
  return `${value < 0 && /[1-9]/.test(text) ? '-' : ''}£${text}m`;
}

/** A coordinate with at most two decimals, so the same figures always give the same bytes. */
export const px = (value: number): string => String(Math.round(value * 100) / 100);
