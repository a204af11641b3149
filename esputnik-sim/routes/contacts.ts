/** Contacts: bulk upsert (asynchronous import), import status, lookup; segments (groups). */
import { ContactStore, DEDUPE_VALUES, type DedupeOn, type IncomingContact, type SimContact } from "../contacts";
import { collapse, isReply, ok, paging, pathInt, text, type Reply, type Route } from "../router";
import type { SimState } from "../state";

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === "string");

const optionalString = (value: unknown): string | undefined =>
  typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;

/** Reads a contact of the request; undefined when its shape is unusable. */
function incomingContact(value: unknown): IncomingContact | undefined {
  if (!isObject(value)) return undefined;
  const channels = value.channels ?? [];
  if (!Array.isArray(channels) || !channels.every((c) => isObject(c) && typeof c.type === "string" && typeof c.value === "string")) {
    return undefined;
  }
  return {
    id: typeof value.id === "number" ? value.id : undefined,
    externalCustomerId: optionalString(value.externalCustomerId),
    firstName: optionalString(value.firstName),
    lastName: optionalString(value.lastName),
    languageCode: optionalString(value.languageCode),
    channels: channels.map((c) => ({ type: String(c.type), value: String(c.value) })),
  };
}

function bulkUpsert(state: SimState, body: unknown): Reply {
  if (!isObject(body)) return text(400, "Request body must be a JSON object");
  const { contacts, dedupeOn, groupNames = [], groupNamesExclude = [] } = body;
  const limit = state.config.limits.bulkContacts;
  if (!Array.isArray(contacts) || contacts.length === 0) return text(400, "contacts must not be empty");
  if (contacts.length > limit) return text(400, `Too many contacts: ${contacts.length}, the maximum is ${limit}`);
  if (typeof dedupeOn !== "string" || !DEDUPE_VALUES.includes(dedupeOn as DedupeOn)) {
    return text(400, `dedupeOn is required, one of: ${DEDUPE_VALUES.join(", ")}`);
  }
  if (dedupeOn === "fieldId" && typeof body.fieldId !== "number") return text(400, "fieldId is required when dedupeOn=fieldId");
  if (!isStringArray(groupNames) || !isStringArray(groupNamesExclude)) return text(400, "groupNames must be a list of names");

  const valid: IncomingContact[] = [];
  const failed: Json[] = [];
  for (const raw of contacts) {
    const contact = incomingContact(raw);
    const reason = contact ? ContactStore.invalidReason(contact) : "Invalid contact";
    if (contact && !reason) valid.push(contact);
    else failed.push({ ...(isObject(raw) ? raw : {}), error: reason });
  }
  const session = state.contacts.startImport(valid, {
    dedupeOn: dedupeOn as DedupeOn,
    groupNames,
    groupNamesExclude,
    now: state.clock.now(),
  });
  // An empty failedContacts list is left out, as JAXB does with null lists; one is an object.
  return ok(failed.length > 0 ? { asyncSessionId: session.id, failedContacts: collapse(state, failed) } : { asyncSessionId: session.id });
}

function contactView(state: SimState, contact: SimContact): Json {
  return {
    id: contact.id,
    ...(contact.externalCustomerId !== undefined ? { externalCustomerId: contact.externalCustomerId } : {}),
    firstName: contact.firstName ?? "",
    lastName: contact.lastName ?? "",
    channels: contact.channels,
    ...(contact.languageCode ? { languageCode: contact.languageCode } : {}),
    groups: [...contact.groupIds].flatMap((id) => {
      const group = state.contacts.groups.get(id);
      return group ? [{ id: group.id, name: group.name, type: group.type }] : [];
    }),
  };
}

function pageOf<T>(items: T[], page: { start: number; rows: number }): Reply {
  return ok(items.slice(page.start - 1, page.start - 1 + page.rows), { TotalCount: String(items.length) });
}

export const contactRoutes: Route[] = [
  {
    name: "contacts.bulk",
    method: "POST",
    pattern: /^\/api\/v1\/contacts$/,
    handler: ({ state, body }) => bulkUpsert(state, body),
  },
  {
    name: "contacts.search",
    method: "GET",
    pattern: /^\/api\/v1\/contacts$/,
    handler: ({ state, query }) => {
      const page = paging(query, state.config);
      if (isReply(page)) return page;
      const email = query.get("email");
      const sms = query.get("sms");
      const external = query.get("externalCustomerId");
      let found = [...state.contacts.contacts.values()];
      if (email) found = found.filter((c) => c === state.contacts.findByLocator("email", email));
      if (sms) found = found.filter((c) => c === state.contacts.findByLocator("sms", sms));
      if (external) found = found.filter((c) => c.externalCustomerId === external);
      return pageOf(found.map((c) => contactView(state, c)), page);
    },
  },
  {
    name: "importstatus",
    method: "GET",
    pattern: /^\/api\/v1\/importstatus\/([^/]+)$/,
    handler: ({ state, params }) => {
      const session = state.contacts.imports.get(decodeURIComponent(params[0] ?? ""));
      if (!session) return text(404, `Import session ${params[0]} not found`);
      const now = state.clock.now();
      state.contacts.pollImport(session, now, state.config);
      return ok({
        status: session.state,
        timestamp: new Date(now).toISOString(),
        description: session.state === "FINISHED" ? `Imported ${session.mapping.length} contacts` : "Import in progress",
        mapping: session.mapping,
      });
    },
  },
  {
    name: "contact.get",
    method: "GET",
    pattern: /^\/api\/v1\/contact\/([^/]+)$/,
    handler: ({ state, params }) => {
      const id = pathInt(params[0]);
      const contact = id === undefined ? undefined : state.contacts.contacts.get(id);
      return contact ? ok(contactView(state, contact)) : text(404, `Contact with id='${params[0]}' not found`);
    },
  },
  {
    name: "groups",
    method: "GET",
    pattern: /^\/api\/v1\/groups$/,
    handler: ({ state, query }) => {
      const page = paging(query, state.config);
      if (isReply(page)) return page;
      const name = (query.get("name") ?? "").toLowerCase();
      const groups = [...state.contacts.groups.values()]
        .filter((g) => g.name.toLowerCase().includes(name))
        .map(({ id, name: groupName, type }) => ({ id, name: groupName, type }));
      return ok(groups.slice(page.start - 1, page.start - 1 + page.rows));
    },
  },
  {
    name: "group.contacts",
    method: "GET",
    pattern: /^\/api\/v1\/group\/([^/]+)\/contacts$/,
    handler: ({ state, params, query }) => {
      const page = paging(query, state.config);
      if (isReply(page)) return page;
      const group = state.contacts.groups.get(pathInt(params[0]) ?? -1);
      if (!group) return text(404, `Group ${params[0]} not found`);
      const members = [...group.members].flatMap((id) => {
        const contact = state.contacts.contacts.get(id);
        return contact ? [contactView(state, contact)] : [];
      });
      return pageOf(members, page);
    },
  },
];
