import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { listFiles } from "@/db/queries/mailings";
import { DeleteFileButton, NotesForm, UploadFileForm } from "./files-forms";

export async function FilesTab({ mailingId, notes, canEdit }: { mailingId: string; notes: string; canEdit: boolean }) {
  const t = await getTranslations("files");
  const format = await getFormatter();
  const files = await listFiles(await getDb(), { mailingId });
  return (
    <div className="grid gap-5 lg:grid-cols-2">
      <section className="card space-y-3">
        <h2 className="text-base font-semibold">{t("files")}</h2>
        {canEdit ? <UploadFileForm mailingId={mailingId} /> : null}
        {files.length === 0 ? <p className="text-sm text-gray-500">{t("none")}</p> : null}
        <ul className="divide-y divide-gray-100" data-testid="files-list">
          {files.map((f) => (
            <li key={f.id} className="flex items-center justify-between gap-3 py-2 text-sm">
              <span>
                <a className="font-medium text-blue-700 hover:underline" href={`/api/mailings/${mailingId}/files/${f.id}`}>
                  {f.name}
                </a>
                <span className="block text-xs text-gray-500">
                  {format.number(f.size / 1024, { style: "unit", unit: "kilobyte", maximumFractionDigits: 1 })} · {f.createdByName ?? "—"} ·{" "}
                  {format.dateTime(f.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                </span>
              </span>
              {canEdit ? <DeleteFileButton mailingId={mailingId} fileId={f.id} /> : null}
            </li>
          ))}
        </ul>
      </section>
      <section className="card space-y-3">
        <h2 className="text-base font-semibold">{t("notes")}</h2>
        <NotesForm mailingId={mailingId} notes={notes} canEdit={canEdit} />
      </section>
    </div>
  );
}
