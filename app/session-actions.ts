"use server";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { signOut } from "@/auth";
import { getDb } from "@/db/client";
import { updateUser } from "@/db/queries/users";
import { LOCALE_COOKIE, LOCALES } from "@/i18n/config";
import { definePublicAction } from "@/lib/server/action";
import { getActor } from "@/lib/server/actor";
import { localeCookieOptions } from "@/lib/server/locale-cookie";

/**
 * Choosing a language works on the login page too, so it is public; for a signed-in user the
 * choice is also stored on their account (the session decides whose account — never the form).
 */
export const setLocale = definePublicAction({ schema: z.object({ locale: z.enum(LOCALES) }) }, async ({ locale }) => {
  (await cookies()).set(LOCALE_COOKIE, locale, localeCookieOptions);
  const actor = await getActor();
  if (actor) await updateUser(await getDb(), { id: actor.id, patch: { locale } });
  revalidatePath("/", "layout");
  return { locale };
});

/**
 * Signing out needs no permission: at worst it ends a session that was already gone. Besides
 * deleting the cookie it voids the user's sessions begun until now, so a refreshed cookie from a
 * request still in flight cannot sign the browser back in.
 */
export const logout = definePublicAction({ schema: z.object({}) }, async () => {
  const actor = await getActor();
  if (actor) await updateUser(await getDb(), { id: actor.id, patch: { sessionsValidAfter: new Date() } });
  await signOut({ redirectTo: "/login" });
});
