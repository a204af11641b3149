import { describe, expect, it } from "vitest";
import { decodeCsvBytes, detectDelimiter, parseCsv, toCsvLine } from "./csv";
import { guessMapping, mappingProblem } from "./import-mapping";

const records = (text: string) => [...parseCsv(text)].map((r) => r.cells);

describe("CSV parsing", () => {
  it("reads quoted cells with delimiters, quotes and line breaks inside", () => {
    expect(records('name,note\r\n"Barber, Andrew","said ""hi""\nand left"\r\nplain,x\n')).toEqual([
      ["name", "note"],
      ["Barber, Andrew", 'said "hi"\nand left'],
      ["plain", "x"],
    ]);
  });

  it("numbers records, drops a BOM and keeps empty cells", () => {
    const parsed = [...parseCsv("\uFEFFa;b;c\n1;;3")];
    expect(parsed).toEqual([
      { line: 1, cells: ["a", "b", "c"] },
      { line: 2, cells: ["1", "", "3"] },
    ]);
  });

  it("guesses the delimiter from the first line, ignoring quoted text", () => {
    expect(detectDelimiter("ПІБ;Email;Телефон\n")).toBe(";");
    expect(detectDelimiter('"a;b;c",d\n')).toBe(",");
    expect(detectDelimiter("a\tb\tc")).toBe("\t");
  });

  it("reads Windows-1251 when the bytes are not UTF-8", () => {
    const cp1251 = new Uint8Array([0xcf, 0xb2, 0xc1]); // "ПІБ"
    expect(decodeCsvBytes(cp1251)).toBe("ПІБ");
    expect(decodeCsvBytes(new TextEncoder().encode("ПІБ"))).toBe("ПІБ");
  });
});

describe("CSV writing", () => {
  it("quotes what needs quoting and round-trips", () => {
    const line = toCsvLine(["Barber, Andrew", 'a "quote"', "multi\nline", " padded", null, "+380671234567"]);
    expect([...parseCsv(line)][0]!.cells).toEqual(["Barber, Andrew", 'a "quote"', "multi\nline", " padded", "", "+380671234567"]);
  });

  it("defuses spreadsheet formulas but leaves phone numbers alone", () => {
    expect(toCsvLine(["=HYPERLINK(\"x\")", "@SUM(A1)", "+cmd|' /C calc'!A0", "-2+3", "+380671234567", "-"])).toBe(
      `"'=HYPERLINK(""x"")",'@SUM(A1),'+cmd|' /C calc'!A0,'-2+3,+380671234567,-\r\n`,
    );
  });
});

describe("column mapping", () => {
  it("recognises headers in Ukrainian, English and Russian, each field once", () => {
    expect(guessMapping(["ПІБ", "E-mail", "Мобільний телефон", "Робочий телефон", "Контрагент", "Должность", "Мова", "Телефон", "Notes"]).columns).toEqual([
      "fullName",
      "email",
      "mobilePhone",
      "workPhone",
      "accountName",
      "jobTitle",
      "language",
      null,
      null,
    ]);
  });

  it("prefers the field names of the user's language (an export of this app)", () => {
    expect(guessMapping(["Повне ім'я"], { fullName: "Повне ім'я" }).columns).toEqual(["fullName"]);
  });

  it("needs the name and refuses a field mapped twice", () => {
    expect(mappingProblem({ columns: ["email", null] })).toBe("csv.errors.nameNotMapped");
    expect(mappingProblem({ columns: ["fullName", "email", "email"] })).toBe("csv.errors.fieldMappedTwice");
    expect(mappingProblem({ columns: ["fullName", null, "email"] })).toBeNull();
  });
});
