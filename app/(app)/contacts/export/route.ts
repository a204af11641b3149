import { getTranslations } from "next-intl/server";
import { defineRoute } from "@/lib/server/route";
import { DomainError } from "@/lib/errors";
import { kyivToday } from "@/lib/dashboards/period";
import { CONTACT_FIELDS } from "@/lib/contacts/contact-fields";
import { contactsTableQuery } from "@/lib/contacts/contacts-table-query";
import { contactsCsv, type ExportLabels } from "@/lib/contacts/export-csv";
import { contactsRequestFromParams } from "@/components/contacts/contacts-table-config";

export const dynamic = "force-dynamic";

/**
 * The contacts table's current view (same URL parameters: group, account, search, column filters, sort)
 * as a CSV download, streamed in chunks: a million rows never sit in memory at once.
 */
export const GET = defineRoute({ permission: "read" }, async (req, ctx) => {
  const url = new URL(req.url);
  const { request } = contactsRequestFromParams(url.searchParams);
  let query: Awaited<ReturnType<typeof contactsTableQuery>>;
  try {
    query = await contactsTableQuery(ctx.db, request);
  } catch (err) {
    // The view cannot be read (its group was deleted meanwhile). This is a link the user followed,
    // so JSON would be shown as it is: send them to the view itself, whose page says in their
    // language that the group is gone (the app's 404 page). A relative Location, so it stays on
    // the host the browser used, behind a proxy too.
    if (err instanceof DomainError) return new Response(null, { status: 303, headers: { location: `/contacts${url.search}`, "cache-control": "no-store" } });
    throw err;
  }
  const t = await getTranslations();
  const labels: ExportLabels = {
    fields: Object.fromEntries(CONTACT_FIELDS.map((f) => [f, t(`contacts.fields.${f}`)])) as ExportLabels["fields"],
    createdAt: t("contacts.fields.createdAt"),
    yes: t("common.yes"),
    no: t("common.no"),
  };
  const chunks = contactsCsv(ctx.db, { ...query, labels });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  // The file is named after the day in the app's time zone (Europe/Kyiv, the one i18n/request.ts
  // shows every date in), not UTC's: an export made just after midnight in Kyiv bears that day.
  const day = kyivToday(ctx.now());
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="contacts-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
});
