import * as path from 'node:path';

/**
 * The codes file a hint tells the officer to map a history's local code in: the one given with
 * --codes, by its name, or, with none given, one to make and give. "codes.csv" was said either
 * way, which an officer with no codes file, or one named otherwise, could not follow as printed
 * (found by a user trial).
 */
export function codesFileToMapIn(codesFile: string | undefined): string {
  return codesFile === undefined
    ? 'a codes file (columns kind,from,to) given with --codes FILE'
    : path.basename(codesFile);
}

/** Why a need is not read: not mapped in the codes file given, or no codes file was given. */
export function unmappedNeedMessage(text: string, codesFile: string | undefined): string {
  return codesFile === undefined
    ? `need "${text}" is not a SEN2 primary-need code, and no --codes file was given to map it`
    : `need "${text}" is neither mapped in ${path.basename(codesFile)} nor a SEN2 primary-need code`;
}
