import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { findContactById } from "@/db/queries/contacts";
import { findAccountByName } from "@/db/queries/accounts";
import { contactInput } from "./contact-input";
import { createContact, removeContacts, updateContact } from "./manage-contacts";
import { changeAccountName, createAccount, removeAccount } from "./manage-accounts";
import { addContact, contactsTestActor } from "./testing";

let t: TestDatabase;
let ctx: Awaited<ReturnType<typeof contactsTestActor>>;
beforeAll(async () => {
  t = await createTestDatabase();
  ctx = await contactsTestActor(t.db);
});
afterAll(() => t?.destroy());

describe(`contacts (${process.env.TEST_DB})`, () => {
  it("stores the normalised email and phone, and creates the named account once", async () => {
    const a = await addContact(ctx, { fullName: "Станкевич Сергій", email: " S.Stankevich@Gmail.com ", mobilePhone: "063 034 89 45", accountName: "Infocom" });
    const b = await addContact(ctx, { fullName: "Серебряков Сергій", email: "s.serebryakov@gmail.com", accountName: "INFOCOM" });
    expect(a).toMatchObject({ email: "s.stankevich@gmail.com", mobilePhone: "+380630348945", createdBy: ctx.actor.id });
    expect(b.accountId).toBe(a.accountId);
    expect((await findAccountByName(t.db, { name: "infocom" }))?.id).toBe(a.accountId);
    expect((await findContactById(t.db, { id: a.id }))?.accountName).toBe("Infocom");
  });

  it("refuses a second contact with the same email or mobile phone, however it is written", async () => {
    await expect(addContact(ctx, { fullName: "Copy", email: "S.STANKEVICH@gmail.com" })).rejects.toMatchObject({ code: "contacts.errors.emailTaken" });
    await expect(addContact(ctx, { fullName: "Copy", mobilePhone: "+38 (063) 034-89-45" })).rejects.toMatchObject({ code: "contacts.errors.phoneTaken" });
  });

  it("the unique constraints still decide a race the friendly check cannot see", async () => {
    const input = contactInput.parse({ fullName: "Racer", email: "race@example.com" });
    const results = await Promise.allSettled([createContact(ctx, input), createContact(ctx, input)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "contacts.errors.emailTaken" } });
  });

  it("updates a contact, keeping its own email, and clears the account", async () => {
    const c = await addContact(ctx, { fullName: "Наринська Вікторія", email: "narinskaya.viktoria@gmail.com", accountName: "Axiom" });
    const updated = await updateContact(ctx, { id: c.id, ...contactInput.parse({ fullName: "Наринська Вікторія", email: "narinskaya.viktoria@gmail.com", doNotUseSms: "on" }) });
    expect(updated).toMatchObject({ accountId: null, doNotUseSms: true });
    await expect(updateContact(ctx, { id: c.id, ...contactInput.parse({ fullName: "X", email: "s.serebryakov@gmail.com" }) })).rejects.toMatchObject({
      code: "contacts.errors.emailTaken",
    });
    await expect(updateContact(ctx, { id: "00000000-0000-4000-8000-000000000000", ...contactInput.parse({ fullName: "X" }) })).rejects.toMatchObject({
      code: "contacts.errors.notFound",
    });
  });

  it("deletes contacts", async () => {
    const c = await addContact(ctx, { fullName: "Temporary" });
    expect(await removeContacts(ctx, { ids: [c.id] })).toBe(1);
    expect(await findContactById(t.db, { id: c.id })).toBeUndefined();
  });
});

describe(`accounts (${process.env.TEST_DB})`, () => {
  it("creates, renames and deletes an account; names are unique case-insensitively; contacts stay", async () => {
    const account = await createAccount(ctx, { name: "Clearsoft" });
    await expect(createAccount(ctx, { name: "CLEARSOFT" })).rejects.toMatchObject({ code: "accounts.errors.nameTaken" });
    await expect(changeAccountName(ctx, { id: account.id, name: "infocom" })).rejects.toMatchObject({ code: "accounts.errors.nameTaken" });
    expect((await changeAccountName(ctx, { id: account.id, name: "Clearsoft Ltd" })).name).toBe("Clearsoft Ltd");
    const member = await addContact(ctx, { fullName: "Grace Stewart", accountName: "Clearsoft Ltd" });
    expect(member.accountId).toBe(account.id);
    await removeAccount(ctx, { id: account.id });
    expect((await findContactById(t.db, { id: member.id }))?.accountId).toBeNull();
    await expect(removeAccount(ctx, { id: account.id })).rejects.toMatchObject({ code: "accounts.errors.notFound" });
  });
});
