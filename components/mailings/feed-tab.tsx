import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { listFeed } from "@/db/queries/mailings";
import { CommentForm } from "./comment-form";
import { stringValues } from "./feed-values";

export async function FeedTab({ mailingId, canComment }: { mailingId: string; canComment: boolean }) {
  const t = await getTranslations("feed");
  const tr = await getTranslations("responses");
  const format = await getFormatter();
  const items = await listFeed(await getDb(), { mailingId, limit: 200 });
  return (
    <div className="max-w-3xl space-y-4">
      {canComment ? <CommentForm mailingId={mailingId} /> : null}
      {items.length === 0 ? <p className="text-sm text-gray-500">{t("empty")}</p> : null}
      <ol className="space-y-3" data-testid="feed">
        {items.map((e) => (
          <li key={e.id} className={`card py-3 ${e.kind === "comment" ? "" : "bg-gray-50"}`} data-testid={`feed-${e.kind}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-2 text-xs text-gray-500">
              <span className="font-medium text-gray-700">{e.actorName ?? t("system")}</span>
              <time dateTime={e.createdAt.toISOString()}>{format.dateTime(e.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
            </div>
            <p className="mt-1 whitespace-pre-wrap text-sm">
              {e.kind === "comment" ? e.text : t(`event.${e.kind}` as never, stringValues(e.data, (r) => tr(r as never)) as never)}
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
