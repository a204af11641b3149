import type { ContactField } from "./contact-fields";

/** Which contact field each column of the file goes to (null: the column is ignored). */
export type ImportMapping = { columns: (ContactField | null)[] };

/** Why a row was refused: an i18n key (e.g. "validation.phone"), the field and the key's values. */
export type RowProblem = { field?: ContactField; key: string; values?: Record<string, string | number> };

/**
 * Rows per batch of the background import: one transaction and one multi-row insert each
 * (2,000 × 14 columns stays well under PostgreSQL's 65,535 parameters).
 */
export const IMPORT_BATCH_SIZE = 2000;

/**
 * Rows per upload request: 5,000 rows are a request body of about a megabyte (the limit is 12 MB,
 * next.config.ts) and two parameters each in the insert that stores them.
 */
export const UPLOAD_CHUNK_ROWS = 5000;

/** Job runs in a row that may end in an error before an import stops for good (see recordContactImportFailure). */
export const MAX_FAILED_RUNS = 5;
