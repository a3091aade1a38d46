export declare function catalogueArgs(code: string, root?: string): string[];
