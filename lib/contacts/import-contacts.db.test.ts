import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { listRejections } from "@/db/queries/contacts-imports";
import { findContactsByKeys } from "@/db/queries/contacts";
import { countContacts } from "@/db/queries/contacts-list";
import { contactsSpecCondition } from "./matching";
import { parseCsv } from "./csv";
import { guessMapping } from "./import-mapping";
import { finishContactImport, importContactRows, previewImportRows, startContactImport } from "./import-contacts";
import { addContact, contactsTestActor } from "./testing";

let t: TestDatabase;
let ctx: Awaited<ReturnType<typeof contactsTestActor>>;
beforeAll(async () => {
  t = await createTestDatabase();
  ctx = await contactsTestActor(t.db);
  await addContact(ctx, { fullName: "Already Here", email: "known@example.com", mobilePhone: "+380501112233" });
});
afterAll(() => t?.destroy());

const FILE = [
  "ПІБ;Email;Мобільний телефон;Контрагент;Мова;Не використовувати SMS",
  "Петренко Іван;Ivan@Example.com;067 123 45 67;Infocom;укр;ні",
  "Без імені;;050 000;Infocom;;",
  ";nobody@example.com;;;;",
  "Коваль Олена;olena@example.com;+380 63 111 22 33;Нова Логістика;ru;так",
  "Двійник Івана;IVAN@example.com;;;;",
  "Стара знайома;known@example.com;;;;",
  "Andrew Barber;a.barber@example.com;0501112233;Axiom;en;",
  "Bad Email;not-an-email;;;;maybe",
  "",
  "Grace Stewart;grace@example.com;;Axiom;en;",
].join("\n");

function fileRows() {
  const [header, ...rest] = [...parseCsv(FILE)];
  return { header: header!.cells, rows: rest.filter((r) => r.cells.some((c) => c.trim())).map((r) => ({ row: r.line, cells: r.cells })) };
}

describe(`CSV import (${process.env.TEST_DB})`, () => {
  it("imports good rows, refuses bad ones with a reason per row, dedupes, adds to a new group", async () => {
    const { header, rows } = fileRows();
    const mapping = guessMapping(header);
    const job = await startContactImport(ctx, { fileName: "contacts.csv", totalRows: rows.length, mapping, newGroupName: "Imported" });
    // Two batches, as the browser sends them. (A repeat of a row in an earlier batch is reported as
    // "already exists": that row is in the base by then.)
    await importContactRows(ctx, { importId: job.id, rows: rows.slice(0, 5) });
    const progress = await importContactRows(ctx, { importId: job.id, rows: rows.slice(5) });
    expect(progress).toMatchObject({ totalRows: 9, processedRows: 9, insertedRows: 3, rejectedRows: 6, lastRowNumber: 11 });

    const rejections = await listRejections(t.db, { importId: job.id, offset: 0, limit: 100 });
    const reasons = Object.fromEntries(rejections.map((r) => [r.rowNumber, r.problems.map((p) => `${p.field}:${p.key}`)]));
    expect(reasons).toEqual({
      3: ["mobilePhone:validation.phone"],
      4: ["fullName:validation.required"],
      6: ["email:csv.reasons.repeatsRow"],
      7: ["email:csv.reasons.emailExists"],
      8: ["mobilePhone:csv.reasons.phoneExists"],
      9: ["email:validation.email", "doNotUseSms:validation.yesNo"],
    });
    expect(rejections.find((r) => r.rowNumber === 6)?.problems[0]?.values).toEqual({ row: 2 });
    expect(rejections.find((r) => r.rowNumber === 9)?.cells).toEqual(["Bad Email", "not-an-email", "", "", "", "maybe"]);

    const [ivan] = await findContactsByKeys(t.db, { emails: ["ivan@example.com"], phones: [] });
    expect(ivan?.mobilePhone).toBe("+380671234567");
    expect(progress.groupId).not.toBeNull();
    expect(await countContacts(t.db, { where: await contactsSpecCondition(t.db, { groupId: progress.groupId! }) })).toBe(3);
    expect(await finishContactImport(ctx, { importId: job.id })).toMatchObject({ status: "done" });
    await expect(importContactRows(ctx, { importId: job.id, rows: rows.slice(0, 1) })).rejects.toMatchObject({ code: "csv.errors.importFinished" });
  });

  it("a repeated batch (a retry after a lost answer) changes nothing", async () => {
    const job = await startContactImport(ctx, { fileName: "again.csv", totalRows: 1, mapping: { columns: ["fullName", "email"] } });
    const batch = { importId: job.id, rows: [{ row: 2, cells: ["Retry Person", "retry@example.com"] }] };
    const once = await importContactRows(ctx, batch);
    const twice = await importContactRows(ctx, batch);
    expect(twice).toEqual(once);
    expect(twice).toMatchObject({ insertedRows: 1, rejectedRows: 0 });
  });

  it("refuses a mapping without the name", async () => {
    await expect(startContactImport(ctx, { fileName: "x.csv", totalRows: 1, mapping: { columns: ["email"] } })).rejects.toMatchObject({ code: "csv.errors.nameNotMapped" });
  });

  it("previews rows exactly as the import reads them", () => {
    const preview = previewImportRows({ mapping: { columns: ["fullName", "mobilePhone"] }, rows: [{ row: 2, cells: ["A", "067 123 45 67"] }, { row: 3, cells: ["B", "1"] }] });
    expect(preview.map((r) => [r.contact?.mobilePhone ?? null, r.problems.map((p) => p.key)])).toEqual([
      ["+380671234567", []],
      [null, ["validation.phone"]],
    ]);
  });
});
