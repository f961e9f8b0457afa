// ExcelJS writes a sheet's print area and print titles as 'name'!$A$1:$H$9 without doubling an
// apostrophe in the name ("Scenario's"): Excel calls such a file damaged and ExcelJS cannot read it
// back. This mends those defined names in the saved bytes, for the sheets whose name has one.
import JSZip from "jszip";

const xmlText = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

/** The .xlsx bytes with every `'name'!` in workbook.xml's defined names quoted as Excel requires. */
export async function quoteSheetNamesInPrintNames(xlsx: Buffer, sheetNames: readonly string[]): Promise<Buffer> {
  const odd = sheetNames.filter((n) => n.includes("'"));
  if (!odd.length) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  const part = zip.file("xl/workbook.xml");
  if (!part) return xlsx;
  let xml = await part.async("string");
  for (const name of odd) {
    const wrong = `&apos;${xmlText(name)}&apos;!`;
    const right = `&apos;${xmlText(name.replace(/'/g, "''"))}&apos;!`;
    xml = xml.replace(
      /(<definedName\b[^>]*>)([^<]*)(<\/definedName>)/g,
      (_, open: string, ref: string, close: string) => open + ref.split(wrong).join(right) + close,
    );
  }
  zip.file("xl/workbook.xml", xml);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
