export declare const GOLDENS: ReadonlyArray<{
  file: string;
  args: string[];
  warns?: string[];
}>;
export declare const scrub: (text: string) => string;
