import { parsePhoneNumberFromString } from "libphonenumber-js/max";

/**
 * Contacts are matched on email and phone, so both are stored in one canonical form: emails
 * trimmed and lower-cased, phones in E.164. Ukraine is the default region, so "067 123 45 67"
 * and "+380671234567" are the same number. The "max" metadata checks the digits against each
 * country's numbering plan, not only the length.
 */
export const DEFAULT_PHONE_REGION = "UA";

export const normaliseEmail = (raw: string): string => raw.trim().toLowerCase();

/** E.164 for a valid number, null for anything that is not one. */
export function normalisePhone(raw: string): string | null {
  const trimmed = raw.trim();
  if (!trimmed || !/\d/.test(trimmed)) return null;
  const phone = parsePhoneNumberFromString(trimmed, DEFAULT_PHONE_REGION);
  return phone?.isValid() ? phone.number : null;
}

/** What a "phone contains" search compares: the digits only ("(067) 12-3" → "067123"). */
export const phoneDigits = (raw: string): string => raw.replace(/\D+/g, "");
