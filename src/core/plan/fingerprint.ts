// A short fingerprint of cell contents (values or formulas), stored with an undo record so that
// undo can tell a sheet or range the add-in wrote from one the user has changed since.

/** FNV-1a (32 bit) over a canonical text of the cells; equal contents give equal fingerprints. */
export function fingerprint(cells: readonly (readonly unknown[])[]): string {
  let hash = 0x811c9dc5;
  const text = JSON.stringify(cells.map((row) => row.map((v) => (v === null || v === undefined ? "" : v))));
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}
