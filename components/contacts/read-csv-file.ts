import { decodeCsvBytes, isBlankRecord, parseCsv } from "@/lib/contacts/csv";

export type CsvFileRows = { header: string[]; rows: { row: number; cells: string[] }[] };

/** Records between yields to the browser: a 100,000-row file is read without freezing the page. */
const RECORDS_PER_SLICE = 5000;

/** Reads a CSV file in the browser: header, then the data rows with their row numbers (blank rows left out). */
export async function readCsvFile(file: File): Promise<CsvFileRows> {
  const text = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
  const records = parseCsv(text);
  const first = records.next();
  if (first.done) return { header: [], rows: [] };
  const rows: CsvFileRows["rows"] = [];
  for (let record = records.next(); !record.done; record = records.next()) {
    if (!isBlankRecord(record.value.cells)) rows.push({ row: record.value.line, cells: record.value.cells });
    if (record.value.line % RECORDS_PER_SLICE === 0) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { header: first.value.cells.map((c) => c.trim()), rows };
}
