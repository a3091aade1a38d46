export declare function checkInProcess(
  api: unknown,
  dir: string,
): { outcome?: string; failure?: string };
export declare function checkBinary(
  bin: string,
  dir: string,
  outDir: string,
): { outcome?: string; failure?: string };
export declare function fuzzOut(outDir: string): string;
export declare function judgeRun(
  result: { code: number | null; stderr: string },
  out: string,
): { outcome?: string; failure?: string };
