import type { GeneratedState, Truth } from './history-generator.mjs';
export declare const EXAMPLE_TRUTH: Truth;
export declare function examplePopulation(size: number): (january: number, ncy: number) => number;
export declare const POPULATION_NCYS: readonly number[];
export declare function exampleInitial(scale: number): (GeneratedState & { count: number })[];
