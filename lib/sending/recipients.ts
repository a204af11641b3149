/**
 * How a recipient row is presented to eSputnik: its address, its personalisation and, for the
 * bulk upload, its contact.
 */
import type { Channel } from "@/db/schema";
import type { Contact } from "@/lib/esputnik/types";

/** eSputnik's documented phone form is digits only (`380501234567`); emails go as stored. */
export function locatorFor(channel: Channel, locator: string): string {
  return channel === "sms" ? locator.replace(/^\+/, "") : locator;
}

type Person = { fullName: string; email: string | null; phone: string | null };

/**
 * What templates read as `$!data.get('name')` etc.: serialized JSON, as the API wants it. The name
 * goes whole: which word is the first name differs by culture, and guessing would misname people.
 */
export function personalisation(r: Person): string {
  return JSON.stringify({ name: r.fullName, email: r.email ?? "", phone: r.phone ?? "" });
}

/** eSputnik limits first and last names to 40 characters each. */
const NAME_MAX = 40;

export function contactOf(r: Person & { language: string | null }): Contact {
  const channels: Contact["channels"] = [];
  if (r.email) channels.push({ type: "email", value: r.email });
  if (r.phone) channels.push({ type: "sms", value: locatorFor("sms", r.phone) });
  const name = r.fullName.trim();
  return {
    ...(name ? { firstName: name.slice(0, NAME_MAX) } : {}),
    channels,
    ...(r.language ? { languageCode: r.language } : {}),
  };
}
