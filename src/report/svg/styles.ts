/**
 * Series styles that stay apart in greyscale and for colour-blind readers: a colour (GOV.UK
 * Design System palette, https://design-system.service.gov.uk/styles/colour/), plus a fill
 * pattern for areas and a dash and marker for lines, so a printed page still tells them apart.
 */
const COLOURS = [
  '#1d70b8',
  '#d9661c', // GOV.UK's orange (#f47738) is 2.8:1 on white, under the 3:1 a chart's lines need (WCAG 1.4.11)
  '#00703c',
  '#4c2c92',
  '#d4351c',
  '#505a5f',
  '#28a197',
  '#912b88',
  '#85994b',
  '#003078',
  '#b58840',
  '#6f72af',
  '#0b0c0c',
] as const;
const DASHES = ['', '8 4', '2 3', '10 3 2 3', '4 4', '1 2'] as const;
const MARKERS = ['circle', 'square', 'triangle', 'diamond', 'cross', 'bar'] as const;

export const colourOf = (i: number): string => COLOURS[i % COLOURS.length]!;
export const dashOf = (i: number): string => DASHES[i % DASHES.length]!;

/** Pattern i: the series colour with one of several overlays (none, hatches, dots, grid). */
export function patternDefs(prefix: string, count: number): string {
  const overlays = [
    '',
    '<path d="M0,8 L8,0" stroke="#fff" stroke-width="1.5"/>',
    '<circle cx="4" cy="4" r="1.4" fill="#fff"/>',
    '<path d="M0,4 H8" stroke="#fff" stroke-width="1.5"/>',
    '<path d="M0,0 L8,8" stroke="#fff" stroke-width="1.5"/>',
    '<path d="M4,0 V8" stroke="#fff" stroke-width="1.5"/>',
    '<path d="M0,8 L8,0 M0,0 L8,8" stroke="#fff" stroke-width="1"/>',
  ];
  const defs: string[] = [];
  for (let i = 0; i < count; i += 1)
    defs.push(
      `<pattern id="${prefix}-${i}" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="${colourOf(i)}"/>${overlays[i % overlays.length]}</pattern>`,
    );
  return `<defs>${defs.join('')}</defs>`;
}

/** A small marker shape for line i at (x, y). */
export function marker(i: number, x: string, y: string, colour: string): string {
  const shape = MARKERS[i % MARKERS.length]!;
  const at = `transform="translate(${x},${y})"`;
  switch (shape) {
    case 'circle':
      return `<circle ${at} r="3.5" fill="${colour}"/>`;
    case 'square':
      return `<rect ${at} x="-3.5" y="-3.5" width="7" height="7" fill="${colour}"/>`;
    case 'triangle':
      return `<path ${at} d="M0,-4.5L4,3L-4,3Z" fill="${colour}"/>`;
    case 'diamond':
      return `<path ${at} d="M0,-4.5L4.5,0L0,4.5L-4.5,0Z" fill="${colour}"/>`;
    case 'cross':
      return `<path ${at} d="M-4,-4L4,4M-4,4L4,-4" stroke="${colour}" stroke-width="2"/>`;
    default:
      return `<rect ${at} x="-4.5" y="-1.5" width="9" height="3" fill="${colour}"/>`;
  }
}
