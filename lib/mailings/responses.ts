import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { mailingRecipients } from "@/db/schema";
import { RESPONSES, type Response } from "./response-keys";

export { RESPONSES, type Response };

/*
 * The "response" (Відгук) shown per recipient: one word that combines our send state and the
 * latest eSputnik status. Filters, the Audience tab, summaries and follow-ups all use this one
 * definition, in SQL, so counts agree everywhere.
 */

/**
 * What each summary figure counts, as the set of responses it adds up — the one definition behind
 * a mailing's Summary tab, the dashboards and their links: "delivered" includes read and clicked
 * (a read message was delivered), "sent" is everything eSputnik accepted.
 */
export const RECIPIENT_FIGURES = {
  sent: ["in_queue", "delivered", "read", "clicked", "not_delivered"],
  delivered: ["delivered", "read", "clicked"],
  notDelivered: ["not_delivered"],
  inQueue: ["in_queue"],
  read: ["read", "clicked"],
  clicked: ["clicked"],
} as const satisfies Record<string, readonly Response[]>;
export type RecipientFigure = keyof typeof RECIPIENT_FIGURES;

export function sumOf<K extends string>(counts: Partial<Record<K, number>>, keys: readonly K[]): number {
  return keys.reduce((total, k) => total + (counts[k] ?? 0), 0);
}

/** Any table (or aliased subquery) with the four columns a response is computed from: recipients or their tallies. */
export type ResponseColumns = Record<"state" | "esputnikStatus" | "failed" | "delivered", AnyColumn>;

export function responseSql(r: ResponseColumns = mailingRecipients): SQL<Response> {
  return sql<Response>`case
    when ${r.state} = 'excluded' then 'excluded'
    when ${r.state} = 'pending' then 'not_sent'
    when ${r.state} = 'sending' then 'sending'
    when ${r.state} = 'in_doubt' then 'in_doubt'
    when ${r.state} = 'rejected' then 'rejected'
    when ${r.esputnikStatus} = 'CLICKED' then 'clicked'
    when ${r.esputnikStatus} = 'READ' then 'read'
    when ${r.failed} then 'not_delivered'
    when ${r.delivered} then 'delivered'
    else 'in_queue'
  end`;
}

/** A WHERE condition for "recipients whose response is one of these". */
export function responseIn(responses: readonly Response[], r: ResponseColumns = mailingRecipients): SQL {
  return sql`(${responseSql(r)}) in (${sql.join(
    responses.map((x) => sql`${x}`),
    sql`, `,
  )})`;
}
