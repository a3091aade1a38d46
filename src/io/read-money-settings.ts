import type { Decimal } from 'decimal.js';
import { error } from '../core/issue.js';
import { type FinancialYear, parseFinancialYear } from '../core/period.js';
import type { JsonFields, JsonObject } from './json-fields.js';
import { yearHint } from '../core/year-hint.js';

/** The model.json fields this reader adds (README, "The model folder"). */
export const MONEY_SETTINGS_KEYS = ['overrideEnd', 'deficitFinancing'] as const;

export interface MoneySettings {
  /** The statutory override's last FY, instead of policy/statutory-override.json's. */
  readonly overrideEnd?: FinancialYear;
  readonly deficitFinancing?: { readonly rate: Decimal };
  /** assumptions.otherSpendGrowth: spend.csv's lines' growth a year. */
  readonly otherSpendGrowth?: Decimal;
}

/** overrideEnd, deficitFinancing and assumptions.otherSpendGrowth, for one area and for a national model alike. */
export function readMoneySettings(
  fields: JsonFields,
  root: JsonObject,
  assumptions: JsonObject | undefined,
): MoneySettings {
  const endText = fields.string(root, 'overrideEnd', '$', true);
  const overrideEnd = endText === undefined ? undefined : parseFinancialYear(endText);
  if (endText !== undefined && overrideEnd === undefined)
    fields.issues.push(
      error(
        'INVALID_YEAR',
        `$.overrideEnd "${endText}" is not a financial year written like 2027-28`,
        fields.at('$.overrideEnd'),
        yearHint(endText, 'financial'),
      ),
    );
  const financing =
    root['deficitFinancing'] === undefined
      ? undefined
      : fields.object(root['deficitFinancing'], '$.deficitFinancing');
  if (financing) fields.knownKeys(financing, '$.deficitFinancing', ['rate', 'notes']);
  const rate = financing
    ? fields.decimal(financing, 'rate', '$.deficitFinancing', { allowNegative: true })
    : undefined;
  const rateInRange = rate && !rate.isNegative() && rate.lessThanOrEqualTo(1);
  if (rate && !rateInRange)
    fields.issues.push(
      error(
        'FINANCING_RATE_OUT_OF_RANGE',
        `$.deficitFinancing.rate is ${rate.toFixed()}; a yearly rate is a share from 0 to 1`,
        fields.at('$.deficitFinancing.rate'),
        'write 4.5% as "0.045"',
      ),
    );
  const otherSpendGrowth = assumptions
    ? fields.decimal(assumptions, 'otherSpendGrowth', '$.assumptions', {
        optional: true,
        growth: true,
      })
    : undefined;
  return {
    ...(overrideEnd !== undefined ? { overrideEnd } : {}),
    ...(rate && rateInRange ? { deficitFinancing: { rate } } : {}),
    ...(otherSpendGrowth ? { otherSpendGrowth } : {}),
  };
}
