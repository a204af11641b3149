import type { z } from "zod";

/** A field's validation problem as an i18n key under `validation.` plus its placeholder values. */
export type FieldError = { key: string; values?: Record<string, string | number> };
export type FieldErrors = Record<string, FieldError[]>;

/** FormData → plain object. Repeated keys become arrays; Next's internal "$ACTION_" keys are dropped. */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION_")) continue;
    const v = typeof value === "string" ? value : value;
    if (key in out) {
      const prev = out[key];
      out[key] = Array.isArray(prev) ? [...prev, v] : [prev, v];
    } else out[key] = v;
  }
  return out;
}

/**
 * zod issues → translatable field errors. Messages are never taken from zod's English text:
 * the issue code (and its limits) pick a key that exists in every language.
 */
export function issuesToFieldErrors(issues: z.core.$ZodIssue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.length ? issue.path.join(".") : "_form";
    (out[field] ??= []).push(issueToFieldError(issue));
  }
  return out;
}

function issueToFieldError(issue: z.core.$ZodIssue): FieldError {
  // A schema may name its own key: z.string().refine(..., { message: "validation.phone" }).
  if (issue.message.startsWith("validation.")) return { key: issue.message.slice("validation.".length) };
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string")
        return Number(issue.minimum) <= 1 ? { key: "required" } : { key: "tooShort", values: { min: Number(issue.minimum) } };
      return { key: "tooSmall", values: { min: Number(issue.minimum) } };
    case "too_big":
      if (issue.origin === "string") return { key: "tooLong", values: { max: Number(issue.maximum) } };
      return { key: "tooBig", values: { max: Number(issue.maximum) } };
    case "invalid_format":
      if (issue.format === "email") return { key: "email" };
      if (issue.format === "url") return { key: "url" };
      return { key: "format" };
    case "invalid_value":
      return { key: "choice" };
    case "invalid_type":
      return issue.input === undefined || issue.input === null ? { key: "required" } : { key: "type" };
    default:
      return { key: "invalid" };
  }
}
