import { sql } from "drizzle-orm";
import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const roleEnum = pgEnum("role", ["admin", "manager", "viewer"]);
export const localeEnum = pgEnum("locale", ["uk", "en", "ru"]);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Stored lower-cased; unique case-insensitively by construction. */
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: roleEnum("role").notNull().default("viewer"),
    locale: localeEnum("locale").notNull().default("uk"),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    /**
     * Sessions that began before this instant are void (set on sign-out). A signed JWT cannot be
     * recalled, and a request in flight at sign-out may hand the browser a refreshed one.
     */
    sessionsValidAfter: timestamp("sessions_valid_after", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("users_created_at_idx").on(t.createdAt)],
);
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/**
 * Failed-login counters keyed by "account:<email>" or "ip:<address>", in the database so that
 * several app instances share them.
 */
export const loginThrottle = pgTable("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull().default(sql`now()`),
});
