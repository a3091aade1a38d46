/** The flows of one step that are counted as it runs, by setting (an index into DemandPlan.settings). */
export const FLOW_NAMES = [
  'newPlans',
  'ceased',
  'movedIn',
  'movedOut',
  'overflowIn',
  'overflowOut',
  'agedOut',
] as const;
type FlowName = (typeof FLOW_NAMES)[number];

export type FlowTally = Record<FlowName, Float64Array>;

export function flowTally(settings: number): FlowTally {
  return {
    newPlans: new Float64Array(settings),
    ceased: new Float64Array(settings),
    movedIn: new Float64Array(settings),
    movedOut: new Float64Array(settings),
    overflowIn: new Float64Array(settings),
    overflowOut: new Float64Array(settings),
    agedOut: new Float64Array(settings),
  };
}
