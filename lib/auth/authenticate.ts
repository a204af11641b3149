import { z } from "zod";
import type { Db } from "@/db/types";
import { findUserByEmail, normaliseEmail } from "@/db/queries/users";
import { clearLoginFailures, getLoginFailures, recordLoginFailure } from "@/db/queries/login-throttle";
import { verifyPassword } from "./password";
import type { Role } from "./roles";

export const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

export type ThrottlePolicy = { maxPerAccount: number; maxPerIp: number; windowSeconds: number };
export type AuthenticateResult =
  | { ok: true; user: { id: string; email: string; name: string; role: Role } }
  | { ok: false; reason: "invalid" | "throttled" };

/**
 * Checks a login. Every failure looks the same to the caller ("invalid"): a wrong password, an
 * unknown email and a disabled account are indistinguishable. Failures are counted per account and
 * per client address; past either limit the attempt is refused before the password is checked.
 */
export async function authenticate(
  ctx: { db: Db; now: () => Date; policy: ThrottlePolicy },
  input: { email: string; password: string; ip: string | null },
): Promise<AuthenticateResult> {
  const email = normaliseEmail(input.email);
  const accountKey = `account:${email}`;
  const ipKey = input.ip ? `ip:${input.ip}` : null;
  const keys = ipKey ? [accountKey, ipKey] : [accountKey];
  const now = ctx.now();
  const failures = await getLoginFailures(ctx.db, { keys, now, windowSeconds: ctx.policy.windowSeconds });
  if (
    (failures.get(accountKey) ?? 0) >= ctx.policy.maxPerAccount ||
    (ipKey !== null && (failures.get(ipKey) ?? 0) >= ctx.policy.maxPerIp)
  ) {
    return { ok: false, reason: "throttled" };
  }

  const user = await findUserByEmail(ctx.db, { email });
  const passwordOk = await verifyPassword(input.password, user?.passwordHash);
  if (!user || !passwordOk || user.disabledAt) {
    for (const key of keys) await recordLoginFailure(ctx.db, { key, now, windowSeconds: ctx.policy.windowSeconds });
    return { ok: false, reason: "invalid" };
  }
  await clearLoginFailures(ctx.db, { key: accountKey });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
