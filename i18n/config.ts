export const LOCALES = ["uk", "en", "ru"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "uk";
export const LOCALE_COOKIE = "sd_locale";
export const LOCALE_NAMES: Record<Locale, string> = { uk: "Українська", en: "English", ru: "Русский" };

export function toLocale(value: string | null | undefined): Locale {
  return (LOCALES as readonly string[]).includes(value ?? "") ? (value as Locale) : DEFAULT_LOCALE;
}
