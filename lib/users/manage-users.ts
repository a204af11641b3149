import { z } from "zod";
import type { Db } from "@/db/types";
import { countActiveAdmins, findUserByEmail, insertUser, updateUser, type UserListItem } from "@/db/queries/users";
import { hashPassword, PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { ROLES } from "@/lib/auth/roles";
import { DomainError } from "@/lib/errors";
import type { Actor } from "@/lib/server/actor";
import { users } from "@/db/schema";
import { eq } from "drizzle-orm";

type Ctx = { db: Db; actor: Pick<Actor, "id"> };

export const createUserInput = z.object({
  email: z.email().trim().max(320),
  name: z.string().trim().min(1).max(200),
  role: z.enum(ROLES),
  password: z.string().min(PASSWORD_MIN_LENGTH).max(200),
});

export async function createUser(ctx: Ctx, input: z.output<typeof createUserInput>): Promise<UserListItem> {
  if (await findUserByEmail(ctx.db, { email: input.email })) throw new DomainError("errors.emailTaken");
  const user = await insertUser(ctx.db, {
    email: input.email,
    name: input.name,
    role: input.role,
    passwordHash: await hashPassword(input.password),
  });
  return user;
}

export const changeUserRoleInput = z.object({ userId: z.uuid(), role: z.enum(ROLES) });
export const setUserDisabledInput = z.object({
  userId: z.uuid(),
  disabled: z.enum(["true", "false"]).transform((v) => v === "true"),
});

/**
 * Role changes and disabling share one rule: nobody changes their own account here (no
 * accidental self-lock-out), and the last active admin cannot stop being one. The check and the
 * write run in one transaction with the admin rows locked, so two admins demoting each other at
 * once cannot both succeed.
 */
async function changeAccount(ctx: Ctx, userId: string, patch: { role?: (typeof ROLES)[number]; disabledAt?: Date | null }) {
  if (userId === ctx.actor.id) throw new DomainError("errors.notSelf");
  return ctx.db.transaction(async (tx) => {
    const [target] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!target) throw new DomainError("errors.userNotFound");
    const losesAdmin =
      target.role === "admin" && !target.disabledAt && ((patch.role && patch.role !== "admin") || patch.disabledAt);
    if (losesAdmin) {
      await tx.select({ id: users.id }).from(users).where(eq(users.role, "admin")).for("update");
      if ((await countActiveAdmins(tx)) <= 1) throw new DomainError("errors.lastAdmin");
    }
    return updateUser(tx, { id: userId, patch });
  });
}

export function changeUserRole(ctx: Ctx, input: z.output<typeof changeUserRoleInput>) {
  return changeAccount(ctx, input.userId, { role: input.role });
}

export function setUserDisabled(ctx: Ctx & { now: () => Date }, input: z.output<typeof setUserDisabledInput>) {
  return changeAccount(ctx, input.userId, { disabledAt: input.disabled ? ctx.now() : null });
}
