import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { env } from "@/lib/env";
import { DEMO_USERS } from "@/lib/boot/initial-users";
import { getActor } from "@/lib/server/actor";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { LoginForm } from "./login-form";
import { LanguageSwitch } from "@/components/shell/language-switch";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const target = safeCallbackPath(callbackUrl);
  if (await getActor()) redirect(target);
  const t = await getTranslations("login");
  const demo = env.DEMO_MODE ? DEMO_USERS[0] : undefined;
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm space-y-6">
        <div className="flex justify-end">
          <LanguageSwitch />
        </div>
        <div className="card space-y-5">
          <div>
            <h1 className="text-xl font-semibold">{t("title")}</h1>
            <p className="text-sm text-gray-500">{t("subtitle")}</p>
          </div>
          <LoginForm callbackUrl={target} />
          {demo ? (
            <p className="rounded-md bg-blue-50 px-3 py-2 text-xs text-blue-800" data-testid="demo-hint">
              {t("demoHint", { email: demo.email, password: demo.password })}
            </p>
          ) : null}
        </div>
      </div>
    </main>
  );
}
