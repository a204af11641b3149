import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { actorWith } from "@/lib/server/page-guard";
import { getEsputnikSettingsView } from "@/lib/settings/esputnik-settings";
import { NoAccess } from "@/components/shell/no-access";
import { EsputnikSettingsForm } from "./esputnik-settings-form";
import { WebhookSettings } from "@/components/sending/webhook-settings";
import { WEBHOOK_PATH, webhookCredentialsInfo } from "@/lib/sending";
import { headers } from "next/headers";

/** The address eSputnik must call, as this request reached us (behind a proxy: its forwarded host). */
async function publicUrl(path: string): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}${path}`;
}

export default async function SettingsPage() {
  if (!(await actorWith("administer"))) return <NoAccess />;
  const t = await getTranslations();
  const format = await getFormatter();
  const db = await getDb();
  const view = await getEsputnikSettingsView(db, { defaultUrl: env.ESPUTNIK_DEFAULT_URL });
  const webhook = await webhookCredentialsInfo(db);
  return (
    <div className="max-w-3xl space-y-6">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">{t("settings.title")}</h1>
        <Link href="/settings/users" className="btn-secondary">
          {t("nav.users")}
        </Link>
      </div>
      <section className="card space-y-4">
        <div>
          <h2 className="text-lg font-semibold">{t("settings.esputnikTitle")}</h2>
          <p className="text-sm text-gray-600">{t("settings.esputnikText")}</p>
          {view.updatedAt ? (
            <p className="mt-1 text-xs text-gray-500">
              {t("settings.lastUpdated", { date: format.dateTime(view.updatedAt, { dateStyle: "medium", timeStyle: "short" }) })}
            </p>
          ) : null}
        </div>
        {/* Only the view goes to the browser: the password itself never leaves the server. */}
        <EsputnikSettingsForm apiUrl={view.apiUrl} login={view.login} passwordSet={view.passwordSet} />
      </section>
      <section className="card space-y-4">
        <h2 className="text-lg font-semibold">{t("settings.webhookTitle")}</h2>
        <WebhookSettings url={await publicUrl(WEBHOOK_PATH)} createdAt={webhook?.createdAt.toISOString() ?? null} username={webhook?.username ?? null} />
      </section>
    </div>
  );
}
