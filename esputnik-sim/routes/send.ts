/**
 * POST /api/v1/message/{id}/smartsend — the hot path of benchmarks: validation is hand-written
 * and each accepted recipient costs one compact record (see records.ts).
 */
import { choosePlan, noMoneyPlan, type PlanCode } from "../lifecycle";
import { collapse, ok, pathInt, text, type Reply, type Route } from "../router";
import type { Channel, SimMessage } from "../seed";
import type { SimState } from "../state";
import { alphaNameProblem, isValidEmail, isValidPhone } from "../validation";

type Json = Record<string, unknown>;
type ResultItem = { id: 0; locator: string; status: "OK"; requestId: string } | { id: 0; locator: string; status: "ERROR"; message: string };

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/** Jackson accepts "true"/"false" strings for booleans. */
function booleanOf(value: unknown): boolean | undefined | "invalid" {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "boolean") return value;
  if (value === "true" || value === "false") return value === "true";
  return "invalid";
}

function smsParts(text: string): number {
  // 160 characters per part, 70 when the text needs UCS-2 (Cyrillic, emoji).
  const perPart = /[^\x00-\x7f]/.test(text) ? 70 : 160;
  return Math.max(1, Math.ceil(text.length / perPart));
}

/** Charges one recipient; false when the balance (plus credit) cannot cover it. */
function charge(state: SimState, message: SimMessage): boolean {
  const balance = state.balance;
  if (message.channel === "email") {
    if (balance.bonusEmails > 0) {
      balance.bonusEmails--;
      return true;
    }
    return pay(state, state.config.prices.email);
  }
  const parts = smsParts(message.data.text);
  if (balance.bonusSmses >= parts) {
    balance.bonusSmses -= parts;
    return true;
  }
  return pay(state, parts * state.config.prices.smsPart);
}

function pay(state: SimState, price: number): boolean {
  if (price === 0) return true;
  if (state.balance.currentBalance + state.balance.creditLimit < price) return false;
  state.balance.currentBalance -= price;
  return true;
}

/** The recipient's address: its locator, or the channel value of the contact it names. */
function resolveLocator(state: SimState, channel: Channel, recipient: Json): string | { error: string } {
  if (typeof recipient.locator === "string" && recipient.locator.trim() !== "") return recipient.locator.trim();
  const { contactId, externalCustomerId } = recipient;
  if (contactId === undefined && externalCustomerId === undefined) {
    return { error: "Recipient must have locator, contactId or externalCustomerId" };
  }
  const contact =
    contactId !== undefined
      ? state.contacts.contacts.get(Number(contactId))
      : state.contacts.findByExternalId(String(externalCustomerId));
  if (!contact) return { error: "Contact not found" };
  return contact.channels.find((c) => c.type === channel)?.value ?? { error: `Contact has no ${channel} channel` };
}

function smartsend(state: SimState, idParam: string | undefined, body: unknown): Reply {
  const id = pathInt(idParam);
  if (id === undefined) return text(400, `Invalid message id '${idParam}'`);
  // UNKNOWN(§8.3): an unknown message id is a 404 with a short text body.
  const message = state.messages.get(id);
  if (!message) return text(404, `Message with id ${id} not found`);
  if (!isObject(body)) return text(400, "Request body must be a JSON object");

  const { recipients } = body;
  const limit = state.config.limits.smartsendRecipients;
  if (!Array.isArray(recipients) || recipients.length === 0) return text(400, "recipients must not be empty");
  // UNKNOWN(§8.3): more than 1,000 recipients → 400 with a text body, nothing sent.
  if (recipients.length > limit) return text(400, `Too many recipients: ${recipients.length}, the maximum is ${limit}`);

  const emailFlag = booleanOf(body.email);
  if (emailFlag === "invalid") return text(400, "email must be true or false");
  // UNKNOWN(§8.5): `email` omitted → config.emailDefault (false, the Java default).
  const email = emailFlag ?? state.config.emailDefault;
  if (email !== (message.channel === "email") && state.config.channelMismatch === "reject") {
    return text(400, `Message type mismatch: message ${id} is ${message.channel}, but email=${email}`);
  }
  const channel = message.channel;

  if (body.fromName !== undefined && body.fromName !== null && typeof body.fromName !== "string") {
    return text(400, "fromName must be a string");
  }
  for (const recipient of recipients) {
    if (!isObject(recipient)) return text(400, "Each recipient must be an object");
    const { jsonParam } = recipient;
    // Jackson cannot read an object into the String field: the whole request fails.
    if (jsonParam !== undefined && jsonParam !== null && typeof jsonParam !== "string") {
      return text(400, "jsonParam must be a string containing serialized JSON");
    }
  }

  // For SMS the sender is the alpha name: fromName, or the message's own sender.
  const fromName = typeof body.fromName === "string" && body.fromName !== "" ? body.fromName : undefined;
  const senderProblem = channel === "sms" ? alphaNameProblem(fromName ?? message.data.from, state.alphaNames) : undefined;

  state.ledger.sendCalls++;
  const now = state.clock.now();
  const results: ResultItem[] = new Array(recipients.length);
  const reject = (i: number, locator: string, reason: string): void => {
    state.ledger.recordRejected(id);
    results[i] = { id: 0, locator, status: "ERROR", message: reason };
  };
  for (let i = 0; i < recipients.length; i++) {
    const recipient = recipients[i] as Json;
    const resolved = resolveLocator(state, channel, recipient);
    if (typeof resolved !== "string") {
      reject(i, typeof recipient.locator === "string" ? recipient.locator : "", resolved.error);
      continue;
    }
    const locator = resolved;
    if (senderProblem) {
      reject(i, locator, senderProblem);
      continue;
    }
    if (channel === "email" ? !isValidEmail(locator) : !isValidPhone(locator)) {
      reject(i, locator, channel === "email" ? `'${locator}' is not valid email` : `'${locator}' is not valid phone number`);
      continue;
    }
    if (typeof recipient.jsonParam === "string" && !isJsonObject(recipient.jsonParam)) {
      reject(i, locator, "jsonParam is not valid JSON");
      continue;
    }
    const choice = choosePlan(state.config, state.seed, channel, id, locator);
    if ("reject" in choice) {
      reject(i, locator, choice.reject);
      continue;
    }
    // UNKNOWN(§8.3): no money is not an HTTP error: the recipient is queued and ends NO_MONEY.
    const plan: PlanCode = charge(state, message) ? choice.plan : noMoneyPlan(channel);

    // UNKNOWN(§8.6): externalRequestId is read per recipient (spec, dkulyk); a top-level one is ignored.
    const external = recipient.externalRequestId;
    const externalRequestId = typeof external === "string" ? external : typeof external === "number" ? String(external) : undefined;
    const requestId = state.records.add({ sentAt: now, messageId: id, plan, channel, locator, externalRequestId });
    state.ledger.recordAccepted(id, externalRequestId);
    results[i] = { id: 0, locator, status: "OK", requestId };
  }
  return ok({ id: 0, results: collapse(state, results) });
}

function isJsonObject(value: string): boolean {
  try {
    const parsed: unknown = JSON.parse(value);
    return isObject(parsed);
  } catch {
    return false;
  }
}

export const sendRoutes: Route[] = [
  {
    name: "smartsend",
    method: "POST",
    pattern: /^\/api\/v1\/message\/([^/]+)\/smartsend$/,
    handler: ({ state, params, body }) => smartsend(state, params[0], body),
  },
];
