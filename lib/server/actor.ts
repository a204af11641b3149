import "server-only";
import { auth } from "@/auth";
import { getDb } from "@/db/client";
import { findActiveUserById } from "@/db/queries/users";
import type { Role } from "@/lib/auth/roles";

export type Actor = { id: string; email: string; name: string; role: Role; locale: "uk" | "en" | "ru" };

/**
 * Who is calling, from the signed session cookie and then the database. The database is the
 * authority: a user disabled or demoted since logging in loses access at their next request.
 */
export async function getActor(): Promise<Actor | null> {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await findActiveUserById(await getDb(), { id });
  if (!user) return null;
  // Signed out since this session began (possibly from another tab or device).
  if (user.sessionsValidAfter && (session.user.loginAt ?? 0) < user.sessionsValidAfter.getTime()) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale };
}
