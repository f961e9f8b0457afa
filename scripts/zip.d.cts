// Types of scripts/zip.cjs, the project's one zip writer.
export interface ZipEntry {
  name: string;
  data: Buffer;
  /** The entry's date (1980-01-01 when left out: reproducible archives). */
  date?: Date;
  /** Override the declared uncompressed size (a bomb that lies about its size). */
  declared?: number;
  /** Raw bytes instead of the deflated data (a damaged entry). */
  raw?: Buffer;
}
export function zip(entries: ZipEntry[]): Buffer;
