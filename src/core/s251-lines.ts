/**
 * The s251 high-needs lines the projection charges itself (domain brief §1, "s251"): place
 * funding (1.0.2) is `spend_place`, and the top-ups (1.2.1 maintained, 1.2.2 academies, free
 * schools and FE, 1.2.3 non-maintained and independent) are `spend_top_up`, both costed from the
 * cohort, the new plans, places.csv and the tariff. spend.csv is for the other lines (1.2.4–1.2.13):
 * a row on one of these is added on top of what the projection already charges for the same money.
 */
export interface ModelledS251Line {
  readonly code: string;
  /** What the line pays, in the s251's words. */
  readonly what: string;
  /** The summary figure that already holds it. */
  readonly figure: 'spend_place' | 'spend_top_up';
}

const MODELLED: readonly ModelledS251Line[] = [
  { code: '1.0.2', what: 'high-needs place funding', figure: 'spend_place' },
  {
    code: '1.2.1',
    what: 'top-up funding to maintained schools and units',
    figure: 'spend_top_up',
  },
  {
    code: '1.2.2',
    what: 'top-up funding to academies, free schools and colleges',
    figure: 'spend_top_up',
  },
  {
    code: '1.2.3',
    what: 'top-up funding to non-maintained and independent providers',
    figure: 'spend_top_up',
  },
];

/** The line an s251 code names when the projection charges it itself; undefined otherwise. */
export function modelledS251Line(code: string): ModelledS251Line | undefined {
  const wanted = code.trim();
  return MODELLED.find((line) => line.code === wanted);
}
