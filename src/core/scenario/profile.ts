import type { Decimal } from 'decimal.js';
import { Dec, ONE, ZERO } from '../decimal.js';
import type { AcademicYear } from '../period.js';
import type { Profile } from './types.js';

/**
 * The share of a lever's full effect in academic year `ay` (docs/scenarios.md, "Profiles").
 * With n = fullBy − from + 1 years of ramp and t = (ay − from + 1) / n in the ramp:
 * step 1 from `from`; linear t; front-loaded 1 − (1 − t)²; back-loaded t². 0 before `from`,
 * 1 from `fullBy` on. Exact decimals: a four-year linear ramp is 0.25, 0.5, 0.75, 1.
 */
export function profileFactor(profile: Profile, ay: AcademicYear): Decimal {
  if (ay < profile.from) return ZERO;
  if (profile.shape === 'step' || ay >= profile.fullBy) return ONE;
  const t = new Dec(ay - profile.from + 1).div(profile.fullBy - profile.from + 1);
  if (profile.shape === 'linear') return t;
  if (profile.shape === 'back-loaded') return t.times(t);
  return ONE.minus(ONE.minus(t).times(ONE.minus(t)));
}
