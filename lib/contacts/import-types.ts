import type { ContactField } from "./contact-fields";

/** Which contact field each column of the file goes to (null: the column is ignored). */
export type ImportMapping = { columns: (ContactField | null)[] };

/** Why a row was refused: an i18n key (e.g. "validation.phone"), the field and the key's values. */
export type RowProblem = { field?: ContactField; key: string; values?: Record<string, string | number> };

/**
 * Rows per request of a CSV import: one multi-row insert each (2,000 × 12 columns stays well under
 * PostgreSQL's 65,535 parameters) and a request body of a few hundred KB.
 */
export const IMPORT_BATCH_SIZE = 2000;
