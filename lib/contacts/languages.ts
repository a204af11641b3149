/** The languages a contact can receive mailings in (the mailing summaries are split by them). */
export const CONTACT_LANGUAGES = ["uk", "en", "ru"] as const;
export type ContactLanguage = (typeof CONTACT_LANGUAGES)[number];

/** How people write a language in a spreadsheet, lower-cased, in the three UI languages. */
const LANGUAGE_WORDS: Record<ContactLanguage, string[]> = {
  uk: ["uk", "ua", "ukr", "укр", "українська", "украинский", "украинская", "ukrainian"],
  en: ["en", "eng", "англ", "англійська", "английский", "английская", "english"],
  ru: ["ru", "rus", "рос", "рус", "російська", "русский", "русская", "russian"],
};

/** "Українська" → "uk"; unknown words → null. */
export function parseLanguage(value: string): ContactLanguage | null {
  const v = value.trim().toLowerCase();
  for (const lang of CONTACT_LANGUAGES) if (LANGUAGE_WORDS[lang].includes(v)) return lang;
  return null;
}
