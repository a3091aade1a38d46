/**
 * The DfE's age groups for EHCPs (SEN2 and the DSG management plan template's "EHCPs by age
 * group"): under 5, 5 to 10, 11 to 15, 16 to 19, 20 to 25. A pupil's age is their age on
 * 31 August before the academic year, which is NCY + 4 (Reception, NCY 0, is age 4).
 */
export const AGE_GROUPS = ['under-5', '5-10', '11-15', '16-19', '20-25'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/** Upper age of each group, inclusive, in AGE_GROUPS order. */
const UPPER_AGES = [4, 10, 15, 19, 25] as const;

const ageOfNcy = (ncy: number): number => ncy + 4;

/** The group of an NCY (−3 … 20, so ages 1 … 24); an age past 25 stays in the last group. */
export function ageGroupOf(ncy: number): AgeGroup {
  const age = ageOfNcy(ncy);
  const index = UPPER_AGES.findIndex((upper) => age <= upper);
  return AGE_GROUPS[index < 0 ? AGE_GROUPS.length - 1 : index]!;
}

/** How a group is labelled for people: "Under 5", "5 to 10", … */
export function ageGroupLabel(group: AgeGroup): string {
  return group === 'under-5' ? 'Under 5' : `${group.replace('-', ' to ')}`;
}
