export declare function checkInProcess(
  api: unknown,
  dir: string,
): { outcome?: string; failure?: string };
export declare function checkBinary(
  bin: string,
  dir: string,
  outDir: string,
): { outcome?: string; failure?: string };
