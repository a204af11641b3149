import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { getEsputnikSettingsRow } from "@/db/queries/settings";
import { esputnikSettingsInput, getEsputnikSettingsView, loadEsputnikConnection, saveEsputnikSettings, typedEsputnikConnection } from "./esputnik-settings";

let t: TestDatabase;
const key = randomBytes(32);
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.destroy());
const save = (raw: Record<string, string>) =>
  saveEsputnikSettings({ db: t.db, actorId: null, encryptionKey: key }, esputnikSettingsInput.parse(raw));

describe(`eSputnik settings (${process.env.TEST_DB})`, () => {
  it("shows the default address and no password before anything is saved", async () => {
    expect(await getEsputnikSettingsView(t.db, { defaultUrl: "https://esputnik.com/api" })).toEqual({
      apiUrl: "https://esputnik.com/api",
      login: "",
      passwordSet: false,
      updatedAt: null,
    });
  });

  it("stores the password encrypted and the view only says that one is set", async () => {
    const view = await save({ apiUrl: "https://esputnik.com/api/", login: "me@shop.ua", password: "s3cret-key" });
    expect(view).toMatchObject({ apiUrl: "https://esputnik.com/api", login: "me@shop.ua", passwordSet: true });
    expect(JSON.stringify(view)).not.toContain("s3cret-key");
    const row = await getEsputnikSettingsRow(t.db);
    expect(row?.passwordEncrypted).toBeTruthy();
    expect(row?.passwordEncrypted).not.toContain("s3cret-key");
    expect(await loadEsputnikConnection({ db: t.db, encryptionKey: key })).toEqual({
      baseUrl: "https://esputnik.com/api",
      login: "me@shop.ua",
      password: "s3cret-key",
    });
  });

  it("keeps the stored password when the field is left empty, and removes it on request", async () => {
    await save({ apiUrl: "https://esputnik.com/api/v1", login: "other", password: "" });
    expect((await loadEsputnikConnection({ db: t.db, encryptionKey: key })).password).toBe("s3cret-key");
    await save({ apiUrl: "https://esputnik.com/api", login: "other", password: "", clearPassword: "on" });
    await expect(loadEsputnikConnection({ db: t.db, encryptionKey: key })).rejects.toMatchObject({ code: "esputnikErrors.notConfigured" });
  });

  it("forgets the stored password when the address moves to another server, so it is never sent there", async () => {
    await save({ apiUrl: "https://esputnik.com/api", login: "me", password: "s3cret-key" });
    for (const elsewhere of ["https://attacker.example/api", "http://esputnik.com/api", "https://esputnik.com:8443/api"]) {
      const view = await save({ apiUrl: elsewhere, login: "me", password: "" });
      expect(view.passwordSet).toBe(false);
      await expect(loadEsputnikConnection({ db: t.db, encryptionKey: key })).rejects.toMatchObject({ code: "esputnikErrors.notConfigured" });
      await save({ apiUrl: "https://esputnik.com/api", login: "me", password: "s3cret-key" });
    }
    // Typed again with the new address, it is kept for it.
    await save({ apiUrl: "https://yespo.io/api", login: "me", password: "yespo-key" });
    expect(await loadEsputnikConnection({ db: t.db, encryptionKey: key })).toMatchObject({ baseUrl: "https://yespo.io/api", password: "yespo-key" });
  });

  it("tests the typed values: a typed password as it is, a blank one as the stored one only for its own server", async () => {
    await save({ apiUrl: "https://esputnik.com/api", login: "me@shop.ua", password: "stored-key" });
    const typed = (raw: Record<string, string>) => typedEsputnikConnection({ db: t.db, encryptionKey: key }, esputnikSettingsInput.parse(raw));
    expect(await typed({ apiUrl: "http://127.0.0.1:8081/api/", login: "x", password: "typed-key" })).toEqual({
      baseUrl: "http://127.0.0.1:8081/api",
      login: "x",
      password: "typed-key",
    });
    expect(await typed({ apiUrl: "https://esputnik.com/api/v1", login: "other@shop.ua", password: "" })).toEqual({
      baseUrl: "https://esputnik.com/api/v1",
      login: "other@shop.ua",
      password: "stored-key",
    });
    await expect(typed({ apiUrl: "https://evil.example/api", login: "me@shop.ua", password: "" })).rejects.toMatchObject({ code: "esputnikErrors.passwordForAddress" });
    await expect(typed({ apiUrl: "https://esputnik.com/api", login: "me@shop.ua", password: "", clearPassword: "on" })).rejects.toMatchObject({
      code: "esputnikErrors.passwordForAddress",
    });
    // Testing saves nothing.
    expect(await loadEsputnikConnection({ db: t.db, encryptionKey: key })).toMatchObject({ baseUrl: "https://esputnik.com/api", password: "stored-key" });
  });

  it("reports a changed encryption key as a clear error", async () => {
    await save({ apiUrl: "https://yespo.io/api", login: "x", password: "k" });
    await expect(loadEsputnikConnection({ db: t.db, encryptionKey: randomBytes(32) })).rejects.toMatchObject({ code: "esputnikErrors.decrypt" });
  });

  it("rejects addresses that are not http(s)", () => {
    for (const apiUrl of ["ftp://x", "javascript:alert(1)", "not a url", ""])
      expect(esputnikSettingsInput.safeParse({ apiUrl }).success, apiUrl).toBe(false);
  });
});
