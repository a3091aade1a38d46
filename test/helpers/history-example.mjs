// The example authority the calibrate tests, fixtures/history and the bench generate histories
// of: four settings, four needs, rates in the engine's terms (test/helpers/history-generator.mjs).

export const EXAMPLE_TRUTH = {
  ceasing: [
    ...Array.from({ length: 23 }, (_, i) => i - 3).map((ncy) => ({
      ncy,
      rate: ncy < 11 ? 0.03 : ncy === 11 ? 0.1 : ncy < 14 ? 0.15 : 0.2,
    })),
    { ncy: 11, setting: 'independent', rate: 0.05 },
  ],
  transitions: [
    { fromNcy: 6, fromSetting: 'mainstream', toSetting: 'special', rate: 0.08 },
    { fromNcy: 6, fromSetting: 'mainstream', toSetting: 'special', rate: 0.08, need: 'SLCN' },
    {
      fromNcy: 6,
      fromSetting: 'mainstream',
      toSetting: 'mainstream',
      rate: 0.15,
      need: 'SLCN',
      toNeed: 'ASD',
    },
    { fromNcy: 9, fromSetting: 'mainstream', toSetting: 'independent', rate: 0.03 },
    { fromNcy: 11, fromSetting: 'mainstream', toSetting: 'fe', rate: 0.3 },
    { fromNcy: 11, fromSetting: 'special', toSetting: 'fe', rate: 0.2 },
  ],
  newPlans: [
    ...range(0, 11).map((ncy) => ({ ncy, need: 'ASD', setting: 'mainstream', rate: 0.0012 })),
    ...range(3, 11).map((ncy) => ({ ncy, need: 'SEMH', setting: 'mainstream', rate: 0.0008 })),
    ...range(-1, 4).map((ncy) => ({ ncy, need: 'SLCN', setting: 'mainstream', rate: 0.001 })),
    ...range(0, 11).map((ncy) => ({ ncy, need: 'ASD', setting: 'special', rate: 0.0003 })),
    ...range(1, 9).map((ncy) => ({ ncy, need: 'MLD', setting: 'mainstream', rate: 0.0004 })),
  ],
};

function range(from, to) {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Resident children: `size` per NCY in January 2015, growing 1% a year. */
export function examplePopulation(size) {
  return (january, ncy) => Math.round(size * (1 + 0.01 * (january - 2015)) * (ncy < 12 ? 1 : 0.9));
}

export const POPULATION_NCYS = range(-3, 20);

/** The first January's people: `scale` × a typical mix by NCY and setting. */
export function exampleInitial(scale) {
  const groups = [];
  for (const ncy of range(-1, 19)) {
    if (ncy <= 11) {
      groups.push({ ncy, need: 'ASD', setting: 'mainstream', count: 6 * scale });
      groups.push({ ncy, need: 'SLCN', setting: 'mainstream', count: (ncy < 7 ? 4 : 1) * scale });
      groups.push({ ncy, need: 'SEMH', setting: 'mainstream', count: 3 * scale });
      groups.push({ ncy, need: 'ASD', setting: 'special', count: 3 * scale });
      groups.push({ ncy, need: 'SEMH', setting: 'independent', count: scale });
    } else groups.push({ ncy, need: 'MLD', setting: 'fe', count: 4 * scale });
  }
  return groups.filter((g) => g.count > 0);
}
