"use server";
import { revalidatePath } from "next/cache";
import { env } from "@/lib/env";
import { defineAction } from "@/lib/server/action";
import { esputnikSettingsInput, saveEsputnikSettings } from "@/lib/settings/esputnik-settings";
import { settingsEncryptionKey } from "@/lib/settings/encryption-key";
import { testEsputnikConnection } from "@/lib/settings/test-connection";

export const saveSettings = defineAction({ permission: "administer", schema: esputnikSettingsInput }, async (input, ctx) => {
  const view = await saveEsputnikSettings({ db: ctx.db, actorId: ctx.actor.id, encryptionKey: settingsEncryptionKey() }, input);
  revalidatePath("/settings");
  return { passwordSet: view.passwordSet };
});

/** Tests the form's values as typed: checking before saving is what the button is for. */
export const testConnection = defineAction(
  { permission: "administer", schema: esputnikSettingsInput, kind: "query" },
  async (input, ctx) =>
    testEsputnikConnection({ db: ctx.db, encryptionKey: settingsEncryptionKey(), timeoutMs: Math.min(env.ESPUTNIK_TIMEOUT_MS, 10_000) }, input),
);
