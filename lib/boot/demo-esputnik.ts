import type { Db } from "@/db/types";
import { env } from "@/lib/env";
import { getEsputnikSettingsRow } from "@/db/queries/settings";
import { saveEsputnikSettings } from "@/lib/settings/esputnik-settings";
import { settingsEncryptionKey } from "@/lib/settings/encryption-key";
import { logger } from "@/lib/server/logger";
import { startSimulator, DEMO_API_KEY } from "@/esputnik-sim";

/**
 * Demo mode runs the eSputnik simulator inside the app process, so the Quick start needs no
 * account. On first start the settings point at it; a user who later enters a real account keeps
 * their settings (they are never overwritten).
 */
export async function startDemoEsputnik(db: Db): Promise<void> {
  const g = globalThis as Record<symbol, unknown>;
  const key = Symbol.for("sputnik-desk.demo-sim");
  if (!g[key]) {
    const sim = await startSimulator({ port: env.ESPUTNIK_SIM_PORT, host: "127.0.0.1" });
    g[key] = sim;
    logger.info("eSputnik simulator started", { url: sim.url });
  }
  const sim = g[key] as { url: string };
  if (!(await getEsputnikSettingsRow(db))) {
    await saveEsputnikSettings(
      { db, actorId: null, encryptionKey: settingsEncryptionKey() },
      { apiUrl: sim.url, login: "demo", password: DEMO_API_KEY, clearPassword: false },
    );
  }
}
