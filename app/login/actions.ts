"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { cookies } from "next/headers";
import { z } from "zod";
import { signIn } from "@/auth";
import { getDb } from "@/db/client";
import { findUserByEmail } from "@/db/queries/users";
import { landingPath } from "@/lib/auth/callback-url";
import { DomainError } from "@/lib/errors";
import { definePublicAction } from "@/lib/server/action";
import { LOCALE_COOKIE } from "@/i18n/config";
import { localeCookieOptions } from "@/lib/server/locale-cookie";

const loginInput = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
  callbackUrl: z.string().max(2048).optional(),
});

/** Public by nature. Every refusal reads the same ("wrong email or password") or "too many attempts". */
export const login = definePublicAction({ schema: loginInput }, async (input) => {
  try {
    await signIn("credentials", { email: input.email, password: input.password, redirect: false });
  } catch (err) {
    if (err instanceof AuthError) {
      const code = err instanceof CredentialsSignin ? err.code : "invalid";
      throw new DomainError(code === "throttled" ? "login.throttled" : "login.invalid");
    }
    throw err;
  }
  // The user's remembered language follows them to any browser they sign in from.
  const user = await findUserByEmail(await getDb(), { email: input.email });
  if (user) (await cookies()).set(LOCALE_COOKIE, user.locale, localeCookieOptions);
  redirect(landingPath(input.callbackUrl));
});
