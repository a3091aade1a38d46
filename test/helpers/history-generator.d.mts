export interface GeneratedState {
  readonly ncy: number;
  readonly need: string;
  readonly setting: string;
}
export interface GeneratedStep {
  readonly year: number;
  readonly id: number;
  readonly from?: GeneratedState;
  readonly to?: GeneratedState;
}
export interface Truth {
  readonly ceasing: readonly { ncy: number; rate: number; setting?: string }[];
  readonly transitions: readonly {
    fromNcy: number;
    fromSetting: string;
    toSetting: string;
    rate: number;
    need?: string;
    toNeed?: string;
  }[];
  readonly newPlans: readonly { ncy: number; need: string; setting: string; rate: number }[];
}
export function generateHistory(options: {
  seed: number;
  first: number;
  years: number;
  initial: readonly (GeneratedState & { count: number })[];
  truth: Truth;
  population: (january: number, ncy: number) => number;
}): GeneratedStep[];
export function transitionsCsv(steps: readonly GeneratedStep[]): string;
export function snapshotsCsv(steps: readonly GeneratedStep[]): string;
export function populationCsv(
  population: (january: number, ncy: number) => number,
  first: number,
  last: number,
  ncys: readonly number[],
): string;
