export declare function nativeImport(url: string): Promise<unknown>;
