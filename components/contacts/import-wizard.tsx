"use client";
import { startTransition, useActionState, useEffect, useMemo, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { ActionError } from "@/components/form/action-feedback";
import { TextField } from "@/components/form/text-field";
import type { FieldError } from "@/lib/server/form";
import { CONTACT_FIELDS, type ContactField } from "@/lib/contacts/contact-fields";
import { guessMapping } from "@/lib/contacts/import-mapping";
import type { ImportMapping } from "@/lib/contacts/import-types";
import { previewImportAction } from "@/app/(app)/contacts/import/actions";
import type { GroupOption } from "./contacts-table";
import { readCsvFile, type CsvFileRows } from "./read-csv-file";
import { ProgressBar } from "./import-progress";
import { RowProblems } from "./row-problems";
import { useContactImport } from "./use-contact-import";

const PREVIEW_ROWS = 10;
const NEW_GROUP = "__new";

/**
 * Choose a file → map its columns → check the first rows → upload them, with a progress bar; then
 * the import's own page follows the background job.
 */
export function ImportWizard({ staticGroups }: { staticGroups: GroupOption[] }) {
  const t = useTranslations("csv");
  const tf = useTranslations("contacts.fields");
  const format = useFormatter();
  const [file, setFile] = useState<{ name: string; data: CsvFileRows } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({ columns: [] });
  const [target, setTarget] = useState("");
  const [newGroupName, setNewGroupName] = useState("");
  // Set once the user left the name field or pressed Import: an untouched empty field is not yet an error.
  const [nameTouched, setNameTouched] = useState(false);
  const importer = useContactImport();
  const previewRows = useMemo(() => file?.data.rows.slice(0, PREVIEW_ROWS) ?? [], [file]);
  const blankName = target === NEW_GROUP && !newGroupName.trim();
  // The same rule as the server's (startImportInput), checked here first so that nothing is sent;
  // the server's own field error shows if it still refuses the name.
  const nameErrors: FieldError[] | undefined =
    target !== NEW_GROUP ? undefined : nameTouched && blankName ? [{ key: "groupNameRequired" }] : importer.failure?.fieldErrors?.newGroupName;

  function start(chosen: { name: string; data: CsvFileRows }) {
    setNameTouched(true);
    if (blankName) return;
    void importer.run({
      fileName: chosen.name,
      rows: chosen.data.rows,
      mapping,
      groupId: target && target !== NEW_GROUP ? target : undefined,
      newGroupName: target === NEW_GROUP ? newGroupName : undefined,
    });
  }

  async function choose(chosen: File | undefined) {
    setFile(null);
    setFileError(null);
    if (!chosen) return;
    try {
      const data = await readCsvFile(chosen);
      if (data.rows.length === 0) return setFileError(t("errors.emptyFile"));
      setFile({ name: chosen.name, data });
      setMapping(guessMapping(data.header, Object.fromEntries(CONTACT_FIELDS.map((f) => [f, tf(f)]))));
    } catch {
      setFileError(t("errors.unreadable"));
    }
  }

  const setColumn = (i: number, field: ContactField | null) => setMapping((m) => ({ columns: m.columns.map((c, j) => (j === i ? field : c)) }));

  return (
    <div className="space-y-5" data-testid="import-wizard">
      <div>
        <label className="field-label" htmlFor="import-file">
          {t("chooseFile")}
        </label>
        <input id="import-file" type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void choose(e.target.files?.[0])} disabled={importer.uploading || importer.queued} data-testid="import-file" />
        {fileError ? (
          <p role="alert" className="field-error">
            {fileError}
          </p>
        ) : null}
      </div>

      {file ? (
        <>
          <p className="text-sm text-gray-700" data-testid="import-file-info">
            {t("fileInfo", { name: file.name, rows: file.data.rows.length })}
          </p>
          <MappingTable header={file.data.header} firstRow={file.data.rows[0]?.cells ?? []} mapping={mapping} onChange={setColumn} />
          <Preview mapping={mapping} rows={previewRows} />
          <div className="flex flex-wrap items-end gap-3">
            <label className="text-sm">
              <span className="field-label">{t("addToGroup")}</span>
              <select value={target} onChange={(e) => setTarget(e.target.value)} className="field-input" data-testid="import-group">
                <option value="">{t("noGroup")}</option>
                {staticGroups.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name}
                  </option>
                ))}
                <option value={NEW_GROUP}>{t("newGroup")}</option>
              </select>
            </label>
            {target === NEW_GROUP ? (
              <TextField
                label={t("newGroupName")}
                name="newGroupName"
                value={newGroupName}
                onChange={(e) => setNewGroupName(e.target.value)}
                onBlur={() => setNameTouched(true)}
                maxLength={120}
                errors={nameErrors}
                className="field-input max-w-xs"
                data-testid="import-new-group"
              />
            ) : null}
            <button type="button" className="btn-primary" disabled={importer.uploading || importer.queued} data-testid="import-start" onClick={() => start(file)}>
              {t("start")}
            </button>
          </div>
        </>
      ) : null}

      <ActionError state={importer.failure} testId="import-error" />
      {importer.upload ? (
        <div className="space-y-2" data-testid="import-upload">
          <ProgressBar done={importer.upload.sent} total={importer.upload.total} />
          <p className="text-sm text-gray-700">
            {importer.queued ? t("queued") : t("uploading", { done: format.number(importer.upload.sent), total: format.number(importer.upload.total) })}
          </p>
          {importer.uploading ? <p className="text-xs text-gray-500">{t("leaveWarning")}</p> : null}
        </div>
      ) : null}
    </div>
  );
}

function MappingTable({
  header,
  firstRow,
  mapping,
  onChange,
}: {
  header: string[];
  firstRow: string[];
  mapping: ImportMapping;
  onChange: (column: number, field: ContactField | null) => void;
}) {
  const t = useTranslations("csv");
  const tf = useTranslations("contacts.fields");
  return (
    <section>
      <h2 className="mb-2 text-base font-semibold">{t("mappingTitle")}</h2>
      <table className="min-w-full divide-y divide-gray-200 text-sm" data-testid="import-mapping">
        <thead className="text-left text-xs font-semibold uppercase text-gray-500">
          <tr>
            <th className="px-2 py-1">{t("column")}</th>
            <th className="px-2 py-1">{t("example")}</th>
            <th className="px-2 py-1">{t("field")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {header.map((title, i) => (
            <tr key={i}>
              <td className="px-2 py-1 font-medium">{title}</td>
              <td className="max-w-xs truncate px-2 py-1 text-gray-600">{firstRow[i]}</td>
              <td className="px-2 py-1">
                <select
                  aria-label={title}
                  value={mapping.columns[i] ?? ""}
                  onChange={(e) => onChange(i, (e.target.value || null) as ContactField | null)}
                  className="rounded border border-gray-300 bg-white px-2 py-1"
                >
                  <option value="">{t("skip")}</option>
                  {CONTACT_FIELDS.map((f) => (
                    <option key={f} value={f}>
                      {tf(f)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The first rows as the server will read them (same validation and normalisation as the import). */
function Preview({ mapping, rows }: { mapping: ImportMapping; rows: CsvFileRows["rows"] }) {
  const t = useTranslations("csv");
  const tf = useTranslations("contacts.fields");
  const [state, preview] = useActionState(previewImportAction, null);
  const key = JSON.stringify(mapping);
  useEffect(() => {
    startTransition(() => preview({ mapping: JSON.parse(key) as ImportMapping, rows }));
  }, [key, rows, preview]);
  return (
    <section>
      <h2 className="text-base font-semibold">{t("previewTitle")}</h2>
      <p className="mb-2 text-xs text-gray-500">{t("previewText")}</p>
      <ActionError state={state} />
      {state?.ok ? (
        <table className="min-w-full divide-y divide-gray-200 text-sm" data-testid="import-preview">
          <thead className="text-left text-xs font-semibold uppercase text-gray-500">
            <tr>
              <th className="px-2 py-1">{t("row")}</th>
              <th className="px-2 py-1">{tf("fullName")}</th>
              <th className="px-2 py-1">{tf("email")}</th>
              <th className="px-2 py-1">{tf("mobilePhone")}</th>
              <th className="px-2 py-1">{t("reason")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {state.data.map((r) => (
              <tr key={r.row}>
                <td className="px-2 py-1 text-gray-500">{r.row}</td>
                <td className="px-2 py-1">{r.contact?.fullName}</td>
                <td className="px-2 py-1">{r.contact?.email}</td>
                <td className="px-2 py-1">{r.contact?.mobilePhone}</td>
                <td className="px-2 py-1">{r.problems.length ? <RowProblems problems={r.problems} /> : <span className="text-green-700">{t("ok")}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
