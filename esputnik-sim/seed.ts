/**
 * The demo account every simulator starts with: prepared messages (Ukrainian and English),
 * approved alpha names, segments, a few contacts and a balance in UAH.
 * Ids are fixed so that tests, demos and docs can name them (293 = webinar email, 290 = promo SMS).
 */

export type Channel = "email" | "sms";

export interface SimEmailMessage {
  id: number;
  name: string;
  languageCode: string;
  tags: string[];
  subscriptionsKeys: string[];
  languages: string[];
  from: string;
  subject: string;
  htmlText: string;
  rawHtml: string;
  ampHtml: string;
  css: string;
  translations: never[];
}

export interface SimSmsMessage {
  id: number;
  name: string;
  languageCode: string;
  tags: string[];
  subscriptionsKeys: string[];
  languages: string[];
  from: string;
  text: string;
  trackUrls: boolean;
  translations: never[];
}

export type SimMessage = { channel: "email"; data: SimEmailMessage } | { channel: "sms"; data: SimSmsMessage };

export interface SeedGroup {
  id: number;
  name: string;
  type: "Static" | "Dynamic" | "Combined";
}

export interface SeedContact {
  externalCustomerId?: string;
  firstName: string;
  lastName: string;
  email?: string;
  sms?: string;
  languageCode: string;
  groups: string[];
}

export interface BalanceState {
  currentBalance: number;
  creditLimit: number;
  currency: string;
  bonusEmails: number;
  bonusSmses: number;
}

const SENDER = '"Sputnik Desk" <news@sputnik-desk.test>';

function email(id: number, name: string, languageCode: string, tags: string[], subject: string, body: string): SimMessage {
  const htmlText = `<!DOCTYPE html><html><body style="font-family:sans-serif">${body}<p style="color:#888">Sputnik Desk · <a href="$unsubscribe">${
    languageCode === "uk" ? "Відписатися" : "Unsubscribe"
  }</a></p></body></html>`;
  return {
    channel: "email",
    data: {
      id,
      name,
      languageCode,
      tags,
      subscriptionsKeys: [],
      languages: [languageCode],
      from: SENDER,
      subject,
      htmlText,
      rawHtml: htmlText,
      ampHtml: "",
      css: "",
      translations: [],
    },
  };
}

function sms(id: number, name: string, languageCode: string, tags: string[], from: string, text: string): SimMessage {
  return {
    channel: "sms",
    data: { id, name, languageCode, tags, subscriptionsKeys: [], languages: [languageCode], from, text, trackUrls: false, translations: [] },
  };
}

export function seedMessages(): SimMessage[] {
  return [
    email(
      293,
      "Запрошення на вебінар",
      "uk",
      ["вебінар", "webinar"],
      "Запрошуємо на вебінар «Email-розсилки без спаму»",
      "<h1>Вітаємо, $!data.get('name')!</h1><p>Запрошуємо вас на безкоштовний вебінар $!data.get('date').</p><p><a href=\"https://sputnik-desk.test/webinar\">Зареєструватися</a></p>",
    ),
    email(
      301,
      "Monthly newsletter — June",
      "en",
      ["newsletter"],
      "What's new at Sputnik Desk this month",
      "<h1>Hello $!data.get('name'),</h1><p>Here is what changed this month.</p><p><a href=\"https://sputnik-desk.test/blog\">Read more</a></p>",
    ),
    email(
      305,
      "Підтвердження замовлення",
      "uk",
      ["transactional", "order"],
      "Замовлення №$!data.get('order') прийнято",
      "<p>Дякуємо! Ваше замовлення №$!data.get('order') прийнято та передано в обробку.</p>",
    ),
    email(
      312,
      "Welcome series #1",
      "en",
      ["welcome", "onboarding"],
      "Welcome aboard!",
      "<h1>Welcome, $!data.get('name')!</h1><p>Three tips to get started.</p><p><a href=\"https://sputnik-desk.test/start\">Start here</a></p>",
    ),
    email(
      318,
      "Розпродаж вихідного дня",
      "uk",
      ["promo", "sale"],
      "Тільки до неділі: −30% на все",
      "<h1>Розпродаж вихідного дня</h1><p>Знижка 30% з промокодом <b>WEEKEND30</b>.</p><p><a href=\"https://sputnik-desk.test/sale\">До покупок</a></p>",
    ),
    sms(290, "Акційна пропозиція", "uk", ["promo"], "PROMO", "Знижка 20% на все до неділі! Промокод SPRING20. sputnik-desk.test"),
    sms(296, "Order shipped", "en", ["transactional"], "SputnikDesk", "Your order $!data.get('order') has been shipped."),
    sms(299, "Нагадування про візит", "uk", ["reminder"], "SputnikDesk", "Нагадуємо: ваш візит $!data.get('date') о $!data.get('time')."),
    sms(307, "Verification code", "en", ["transactional", "otp"], "SputnikDesk", "Your Sputnik Desk code: $!data.get('code')"),
  ];
}

/** Alpha names approved by the operators (GET /v1/interfaces/sms). */
export const APPROVED_ALPHA_NAMES = ["SputnikDesk", "PROMO", "Sputnik"];

export const EMAIL_SENDERS = ["news@sputnik-desk.test", "noreply@sputnik-desk.test"];

export function seedGroups(): SeedGroup[] {
  return [
    { id: 5001, name: "Усі підписники", type: "Static" },
    { id: 5002, name: "VIP клієнти", type: "Static" },
    { id: 5003, name: "Newsletter EN", type: "Static" },
    { id: 5004, name: "Активні за 30 днів", type: "Dynamic" },
  ];
}

export function seedContacts(): SeedContact[] {
  return [
    { externalCustomerId: "crm-1", firstName: "Олена", lastName: "Коваленко", email: "olena.kovalenko@example.com", sms: "380501234567", languageCode: "uk", groups: ["Усі підписники", "VIP клієнти"] },
    { externalCustomerId: "crm-2", firstName: "Andrii", lastName: "Melnyk", email: "andrii.melnyk@example.com", languageCode: "en", groups: ["Усі підписники", "Newsletter EN"] },
    { externalCustomerId: "crm-3", firstName: "Ірина", lastName: "Бондар", sms: "380671112233", languageCode: "uk", groups: ["Усі підписники"] },
    { firstName: "John", lastName: "Smith", email: "john.smith@example.org", languageCode: "en", groups: ["Newsletter EN"] },
  ];
}

export function seedBalance(): BalanceState {
  return { currentBalance: 12500.5, creditLimit: 0, currency: "UAH", bonusEmails: 2500, bonusSmses: 100 };
}
