import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import type { Queryable } from "../types";
import { users, type NewUser, type User } from "../schema";
import type { Role } from "@/lib/auth/roles";

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export async function findUserByEmail(db: Queryable, { email }: { email: string }): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, normaliseEmail(email))).limit(1);
  return row;
}

export async function findActiveUserById(db: Queryable, { id }: { id: string }): Promise<User | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, id), isNull(users.disabledAt)))
    .limit(1);
  return row;
}

export type UserListItem = Pick<User, "id" | "email" | "name" | "role" | "disabledAt" | "createdAt">;

export async function listUsers(db: Queryable): Promise<UserListItem[]> {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabledAt: users.disabledAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .orderBy(asc(users.email));
}

export async function insertUser(db: Queryable, values: NewUser): Promise<User> {
  const [row] = await db
    .insert(users)
    .values({ ...values, email: normaliseEmail(values.email) })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateUser(
  db: Queryable,
  { id, patch }: { id: string; patch: Partial<Pick<User, "role" | "disabledAt" | "name" | "locale" | "passwordHash" | "sessionsValidAfter">> },
): Promise<User | undefined> {
  const [row] = await db
    .update(users)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(users.id, id))
    .returning();
  return row;
}

export async function countActiveAdmins(db: Queryable): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, "admin" satisfies Role), isNull(users.disabledAt)));
  return row?.n ?? 0;
}

export async function countUsers(db: Queryable): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}
