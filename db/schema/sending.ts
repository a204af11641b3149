import { sql } from "drizzle-orm";
import { check, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

/**
 * The credentials eSputnik must present when it posts activity webhooks (single row, id 1).
 * Only a SHA-256 hash of the secret is kept: the administrator sees the secret once, when it is
 * generated, and pastes it into eSputnik's webhook settings.
 */
export const esputnikWebhookCredentials = pgTable(
  "esputnik_webhook_credentials",
  {
    id: integer("id").primaryKey().default(1),
    username: text("username").notNull(),
    secretHash: text("secret_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [check("esputnik_webhook_credentials_single_row", sql`${t.id} = 1`)],
);
export type EsputnikWebhookCredentials = typeof esputnikWebhookCredentials.$inferSelect;
