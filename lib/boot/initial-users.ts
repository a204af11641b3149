import type { Db } from "@/db/types";
import { countUsers, findUserByEmail, insertUser } from "@/db/queries/users";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";

/** The documented demo logins (README). Only created in demo mode on an empty database. */
export const DEMO_USERS: { email: string; password: string; name: string; role: Role }[] = [
  { email: "admin@demo.sputnik.desk", password: "demo-admin-2026", name: "Демо Адміністратор", role: "admin" },
  { email: "manager@demo.sputnik.desk", password: "demo-manager-2026", name: "Олена Менеджер", role: "manager" },
  { email: "viewer@demo.sputnik.desk", password: "demo-viewer-2026", name: "Петро Глядач", role: "viewer" },
];

/**
 * First start: the admin from ADMIN_EMAIL / ADMIN_PASSWORD if given (created once, never
 * overwritten), and in demo mode the demo users when the database has no users yet.
 */
export async function ensureInitialUsers(
  db: Db,
  opts: { adminEmail?: string; adminPassword?: string; demo: boolean },
): Promise<{ created: string[] }> {
  const created: string[] = [];
  if (opts.adminEmail && opts.adminPassword && !(await findUserByEmail(db, { email: opts.adminEmail }))) {
    await insertUser(db, {
      email: opts.adminEmail,
      name: "Administrator",
      role: "admin",
      passwordHash: await hashPassword(opts.adminPassword),
    });
    created.push(opts.adminEmail);
  }
  if (opts.demo && (await countUsers(db)) === created.length) {
    for (const u of DEMO_USERS) {
      if (await findUserByEmail(db, { email: u.email })) continue;
      await insertUser(db, { email: u.email, name: u.name, role: u.role, passwordHash: await hashPassword(u.password) });
      created.push(u.email);
    }
  }
  return { created };
}
