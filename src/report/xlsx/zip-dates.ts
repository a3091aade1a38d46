/**
 * Sets every entry's modification time in a zip to one fixed DOS date and time, in place: JSZip
 * (inside exceljs) stamps each entry with the time it was added, so two runs would differ. The
 * dates are in each local header (offset 10) and each central directory entry (offset 12) and
 * are not covered by any checksum (PKWARE APPNOTE 6.3.10, §4.3.7 and §4.3.12).
 */
export function fixZipDates(zip: Uint8Array, dosTime = 0, dosDate = DOS_EPOCH): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = findEndOfCentralDirectory(view);
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < entries; i += 1) {
    if (view.getUint32(at, true) !== 0x02014b50)
      throw new Error('zip: bad central directory entry');
    view.setUint16(at + 12, dosTime, true);
    view.setUint16(at + 14, dosDate, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error('zip: bad local header');
    view.setUint16(local + 10, dosTime, true);
    view.setUint16(local + 12, dosDate, true);
    at +=
      46 +
      view.getUint16(at + 28, true) +
      view.getUint16(at + 30, true) +
      view.getUint16(at + 32, true);
  }
  return zip;
}

/** 1 January 1980, the first date a zip can hold: (year − 1980) << 9 | month << 5 | day. */
const DOS_EPOCH = (0 << 9) | (1 << 5) | 1;

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65535.
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 65535); at -= 1)
    if (view.getUint32(at, true) === 0x06054b50) return at;
  throw new Error('zip: no end of central directory');
}
