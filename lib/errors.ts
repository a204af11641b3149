/**
 * An expected refusal from domain logic ("the last admin cannot be disabled"). `code` is an
 * i18n key under `errors.` shown to the user; `values` fill its placeholders.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly values?: Record<string, string | number>,
  ) {
    super(code);
    this.name = "DomainError";
  }
}
