import { integer, pgTable, text, timestamp, uuid, check } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { users } from "./auth";

/** The single row of eSputnik connection settings (id is always 1). */
export const esputnikSettings = pgTable(
  "esputnik_settings",
  {
    id: integer("id").primaryKey().default(1),
    apiUrl: text("api_url").notNull(),
    login: text("login").notNull().default(""),
    /** AES-256-GCM ciphertext (see lib/crypto/secret-box.ts); never leaves the server. */
    passwordEncrypted: text("password_encrypted"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [check("esputnik_settings_single_row", sql`${t.id} = 1`)],
);
export type EsputnikSettingsRow = typeof esputnikSettings.$inferSelect;
