/**
 * The fields of a contact as a form or a CSV column names them. Kept apart from the schemas
 * (contact-input.ts) so that the browser can list them without loading phone metadata.
 */
export const CONTACT_FIELDS = [
  "fullName",
  "accountName",
  "jobTitle",
  "email",
  "mobilePhone",
  "workPhone",
  "language",
  "doNotUseEmail",
  "doNotUseSms",
  "emailInvalid",
] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];
