export declare const GOLDENS: ReadonlyArray<{ file: string; args: string[] }>;
export declare const scrub: (text: string) => string;
