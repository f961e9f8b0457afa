// The zips of the tests of broken and hostile .xlsx files (bombs, damaged entries): the project's
// one zip writer (scripts/zip.cjs), whose entries may lie about their size or carry damaged data.
export { zip, type ZipEntry } from "../../scripts/zip.cjs";
