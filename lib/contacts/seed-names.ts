/**
 * Names for demo and bulk-generated contacts: Ukrainian ones with their passport transliteration
 * (for email logins) and English ones; companies from the user manual and Ukrainian ones.
 */
export type SeedPerson = { fullName: string; login: string };

export const UKRAINIAN_FIRST: [string, string][] = [
  ["Олена", "olena"], ["Сергій", "serhii"], ["Вікторія", "viktoriia"], ["Андрій", "andrii"], ["Ірина", "iryna"], ["Тарас", "taras"],
  ["Наталія", "nataliia"], ["Олександр", "oleksandr"], ["Марія", "mariia"], ["Дмитро", "dmytro"], ["Юлія", "yuliia"], ["Богдан", "bohdan"],
  ["Оксана", "oksana"], ["Максим", "maksym"], ["Катерина", "kateryna"], ["Ярослав", "yaroslav"], ["Світлана", "svitlana"], ["Василь", "vasyl"],
];
export const UKRAINIAN_LAST: [string, string][] = [
  ["Шевченко", "shevchenko"], ["Коваленко", "kovalenko"], ["Бондаренко", "bondarenko"], ["Ткаченко", "tkachenko"], ["Кравчук", "kravchuk"],
  ["Олійник", "oliinyk"], ["Мельник", "melnyk"], ["Поліщук", "polishchuk"], ["Савчук", "savchuk"], ["Лисенко", "lysenko"],
  ["Гончаренко", "honcharenko"], ["Руденко", "rudenko"], ["Марченко", "marchenko"], ["Литвиненко", "lytvynenko"], ["Станкевич", "stankevych"],
  ["Мороз", "moroz"], ["Павленко", "pavlenko"], ["Кравець", "kravets"],
];
export const ENGLISH_FIRST = ["Andrew", "Bruce", "Caleb", "Christine", "Christopher", "Grace", "Emily", "James", "Olivia", "Daniel", "Sophie", "Michael"];
export const ENGLISH_LAST = ["Barber", "Clayton", "Jones", "Nelson", "Brown", "Stewart", "Wilson", "Taylor", "Walker", "Hughes", "Morgan", "Reed"];

/** Ukrainian mobile operators' codes (+380 XX …). */
export const UA_MOBILE_CODES = ["50", "63", "66", "67", "68", "73", "93", "95", "96", "97", "98", "99"];

export const oneOf = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!;

export const SEED_NAMES = {
  /** "Прізвище Ім'я", as the CRM lists Ukrainian contacts. */
  ukrainian(random: () => number): SeedPerson {
    const [first, firstLatin] = oneOf(UKRAINIAN_FIRST, random);
    const [last, lastLatin] = oneOf(UKRAINIAN_LAST, random);
    return { fullName: `${last} ${first}`, login: `${firstLatin.charAt(0)}.${lastLatin}` };
  },
  english(random: () => number): SeedPerson {
    const first = oneOf(ENGLISH_FIRST, random);
    const last = oneOf(ENGLISH_LAST, random);
    return { fullName: `${first} ${last}`, login: `${first}.${last}`.toLowerCase() };
  },
  accounts: [
    "Infocom", "Axiom", "Our company", "Novelty", "Optimum Services", "Clearsoft", "Alpha Business",
    "Профіт Партнер", "Нова Логістика", "Київ Диджитал", "Смарт Агро", "Полтава Фарм", "Дніпро Софт", "Львівська Кава",
  ],
  ukrainianTitles: ["Менеджер з продажу", "Маркетолог", "Директор", "Бухгалтер", "Спеціаліст", "Керівник відділу", "Аналітик"],
  englishTitles: ["Sales Manager", "Marketing Lead", "CEO", "Accountant", "Specialist", "Head of Sales", "Analyst"],
};
