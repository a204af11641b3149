/**
 * CSV as spreadsheets write it (RFC 4180: quoted cells, "" inside quotes, CRLF or LF), with the
 * delimiter guessed (Excel in Ukraine saves ";") and the encoding guessed (UTF-8, else
 * Windows-1251). Framework-free: the browser parses the file with it, the server writes exports.
 */
export type CsvDelimiter = "," | ";" | "\t";
const DELIMITERS: CsvDelimiter[] = [",", ";", "\t"];

/** UTF-8 when the bytes are valid UTF-8 (BOM dropped), otherwise Windows-1251 (Cyrillic Excel). */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1251").decode(bytes);
  }
}

/** The delimiter used most often on the first line, outside quotes. */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text.slice(0, 10_000)) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch as CsvDelimiter)) counts.set(ch as CsvDelimiter, counts.get(ch as CsvDelimiter)! + 1);
  }
  return [...counts.entries()].reduce((best, e) => (e[1] > best[1] ? e : best))[0];
}

/**
 * The records of a CSV text, one at a time, so that a 100,000-row file can be read in slices.
 * `line` is the record's number in the file (the first record is 1).
 */
export function* parseCsv(text: string, delimiter: CsvDelimiter = detectDelimiter(text)): Generator<{ line: number; cells: string[] }> {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 0;
  while (i < text.length) {
    const cells: string[] = [];
    let cell = "";
    let endOfRecord = false;
    while (i < text.length && !endOfRecord) {
      const ch = text[i]!;
      if (ch === '"' && cell === "") {
        // A quoted cell: up to the closing quote, "" standing for one quote.
        i++;
        while (i < text.length) {
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          cell += text[i++];
        }
        continue;
      }
      i++;
      if (ch === delimiter) {
        cells.push(cell);
        cell = "";
      } else if (ch === "\n" || ch === "\r") {
        if (ch === "\r" && text[i] === "\n") i++;
        endOfRecord = true;
      } else cell += ch;
    }
    cells.push(cell);
    line++;
    yield { line, cells };
  }
}

export const isBlankRecord = (cells: string[]) => cells.every((c) => c.trim() === "");

/**
 * One CSV line. A cell that a spreadsheet would run as a formula (=…, @…, or +/- followed by
 * anything but a number) gets a leading apostrophe: an export must not become an attack.
 * Phone numbers such as "+380671234567" are left as they are.
 */
export function toCsvLine(cells: readonly (string | null | undefined)[], delimiter: CsvDelimiter = ","): string {
  return cells.map((c) => quoteCell(defuseFormula(c ?? ""), delimiter)).join(delimiter) + "\r\n";
}

function defuseFormula(cell: string): string {
  if (/^[=@\t\r]/.test(cell) || /^[+-](?![\d\s()-]*$)/.test(cell)) return `'${cell}`;
  return cell;
}

function quoteCell(cell: string, delimiter: CsvDelimiter): string {
  return cell.includes(delimiter) || /["\r\n]/.test(cell) || cell !== cell.trim() ? `"${cell.replace(/"/g, '""')}"` : cell;
}
