"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
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

export const testConnection = defineAction(
  { permission: "administer", schema: z.object({}), kind: "query" },
  async (_input, ctx) =>
    testEsputnikConnection({ db: ctx.db, encryptionKey: settingsEncryptionKey(), timeoutMs: Math.min(env.ESPUTNIK_TIMEOUT_MS, 10_000) }),
);
