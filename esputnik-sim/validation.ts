/** Address and sender-name rules applied per recipient (failures are per-recipient ERRORs). */

const EMAIL = /^[^\s@"<>(),;:]+@[^\s@"<>(),;:]+\.[^\s@"<>(),;:]{2,}$/;
/** Digits only, optional leading +, 10–15 digits (E.164). Docs use `380501234567`. */
const PHONE = /^\+?[1-9]\d{9,14}$/;
/** SMS sender id: Latin letters, digits, space, - . _, at most 11, not all digits (docs §3.7). */
const ALPHA_NAME = /^[A-Za-z0-9 ._-]{1,11}$/;

export function isValidEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

export function isValidPhone(value: string): boolean {
  return PHONE.test(value);
}

/** Why an alpha name cannot be used, or undefined when it is valid and approved. */
export function alphaNameProblem(name: string, approved: readonly string[]): string | undefined {
  if (!ALPHA_NAME.test(name) || /^\d+$/.test(name)) return `Invalid sender name '${name}'`;
  // UNKNOWN(§8.3): an unapproved alpha name is reported per recipient (ERROR inside HTTP 200).
  if (!approved.includes(name)) return `Sender name '${name}' is not approved`;
  return undefined;
}
