export interface Random {
  next(): number;
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
}
export declare const BASES: readonly string[];
export declare function generator(seed: number): Random;
export declare function mutateModel(root: string, dir: string, random: Random): string[];
