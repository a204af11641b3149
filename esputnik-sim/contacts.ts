/**
 * Contacts, segments (groups) and asynchronous bulk imports.
 */
import { randomUUID } from "node:crypto";
import type { SimConfig } from "./config";
import type { SeedContact, SeedGroup } from "./seed";
import { isValidEmail, isValidPhone } from "./validation";

export interface SimChannel {
  type: string;
  value: string;
}

export interface SimContact {
  id: number;
  externalCustomerId?: string;
  firstName?: string;
  lastName?: string;
  languageCode?: string;
  channels: SimChannel[];
  groupIds: Set<number>;
}

export interface SimGroup extends SeedGroup {
  members: Set<number>;
}

/** One contact of a bulk request, as received (already shape-checked). */
export interface IncomingContact {
  id?: number;
  externalCustomerId?: string;
  firstName?: string;
  lastName?: string;
  languageCode?: string;
  channels: SimChannel[];
}

export type DedupeOn = "email" | "sms" | "email_or_sms" | "id" | "externalCustomerId" | "push" | "fieldId";
export const DEDUPE_VALUES: readonly DedupeOn[] = ["email", "sms", "push", "email_or_sms", "id", "externalCustomerId", "fieldId"];

export type ImportState = "STARTED" | "IMPORTING" | "FINISHED" | "ERROR";

export interface ImportSession {
  id: string;
  createdAt: number;
  polls: number;
  state: ImportState;
  dedupeOn: DedupeOn;
  groupNames: string[];
  groupNamesExclude: string[];
  /** Dropped once applied. */
  pending: IncomingContact[] | null;
  mapping: { dedupeValue: string; contactId: number }[];
}

const MAX_SESSIONS = 1000;

const channelValue = (contact: { channels: SimChannel[] }, type: string): string | undefined =>
  contact.channels.find((channel) => channel.type === type)?.value;

const normalizeEmail = (email: string): string => email.trim().toLowerCase();
const normalizePhone = (phone: string): string => phone.trim().replace(/^\+/, "");

export class ContactStore {
  readonly contacts = new Map<number, SimContact>();
  readonly groups = new Map<number, SimGroup>();
  readonly imports = new Map<string, ImportSession>();
  private readonly byEmail = new Map<string, number>();
  private readonly bySms = new Map<string, number>();
  private readonly byExternalId = new Map<string, number>();
  private nextContactId = 100_001;
  private nextGroupId = 5101;

  constructor(groups: SeedGroup[], contacts: SeedContact[]) {
    for (const group of groups) this.groups.set(group.id, { ...group, members: new Set() });
    for (const seed of contacts) {
      const channels: SimChannel[] = [];
      if (seed.email) channels.push({ type: "email", value: seed.email });
      if (seed.sms) channels.push({ type: "sms", value: seed.sms });
      const { id } = this.upsert({ ...seed, channels }, "email_or_sms");
      this.changeGroups(id, seed.groups, [], true);
    }
  }

  findByLocator(channel: "email" | "sms", locator: string): SimContact | undefined {
    const id = channel === "email" ? this.byEmail.get(normalizeEmail(locator)) : this.bySms.get(normalizePhone(locator));
    return id === undefined ? undefined : this.contacts.get(id);
  }

  findByExternalId(externalCustomerId: string): SimContact | undefined {
    const id = this.byExternalId.get(externalCustomerId);
    return id === undefined ? undefined : this.contacts.get(id);
  }

  /** Why a contact cannot be imported, or undefined when it can. */
  static invalidReason(contact: IncomingContact): string | undefined {
    if (contact.channels.length === 0) return "Contact has no channels";
    for (const channel of contact.channels) {
      if (channel.type === "email" && !isValidEmail(channel.value)) return `'${channel.value}' is not valid email`;
      if (channel.type === "sms" && !isValidPhone(channel.value)) return `'${channel.value}' is not valid phone number`;
    }
    const perType = new Map<string, number>();
    for (const channel of contact.channels) perType.set(channel.type, (perType.get(channel.type) ?? 0) + 1);
    if ([...perType.values()].some((count) => count > 2)) return "At most two channels of the same type are allowed";
    return undefined;
  }

  /**
   * Creates or updates one contact. An externalCustomerId in the contact wins over `dedupeOn`
   * (documented rule); otherwise the dedupe key picks the existing contact.
   */
  upsert(incoming: IncomingContact, dedupeOn: DedupeOn): { id: number; dedupeValue: string } {
    const { existing, dedupeValue } = this.findExisting(incoming, dedupeOn);
    const contact: SimContact = (existing !== undefined ? this.contacts.get(existing) : undefined) ?? {
      id: this.nextContactId++,
      channels: [],
      groupIds: new Set(),
    };
    for (const field of ["externalCustomerId", "firstName", "lastName", "languageCode"] as const) {
      if (incoming[field] !== undefined) contact[field] = incoming[field];
    }
    for (const channel of incoming.channels) {
      const same = contact.channels.findIndex((c) => c.type === channel.type);
      if (same >= 0) contact.channels[same] = { ...channel };
      else contact.channels.push({ ...channel });
    }
    this.contacts.set(contact.id, contact);
    this.index(contact);
    return { id: contact.id, dedupeValue };
  }

  private findExisting(incoming: IncomingContact, dedupeOn: DedupeOn): { existing?: number; dedupeValue: string } {
    if (incoming.externalCustomerId !== undefined) {
      return { existing: this.byExternalId.get(incoming.externalCustomerId), dedupeValue: incoming.externalCustomerId };
    }
    if (dedupeOn === "id" && incoming.id !== undefined) {
      return { existing: this.contacts.has(incoming.id) ? incoming.id : undefined, dedupeValue: String(incoming.id) };
    }
    const email = channelValue(incoming, "email");
    const sms = channelValue(incoming, "sms");
    const byEmail = email && (dedupeOn === "email" || dedupeOn === "email_or_sms") ? this.byEmail.get(normalizeEmail(email)) : undefined;
    if (byEmail !== undefined && email) return { existing: byEmail, dedupeValue: email };
    const bySms = sms && (dedupeOn === "sms" || dedupeOn === "email_or_sms") ? this.bySms.get(normalizePhone(sms)) : undefined;
    if (bySms !== undefined && sms) return { existing: bySms, dedupeValue: sms };
    return { dedupeValue: (dedupeOn === "sms" ? sms : email) ?? sms ?? "" };
  }

  private index(contact: SimContact): void {
    for (const channel of contact.channels) {
      if (channel.type === "email") this.byEmail.set(normalizeEmail(channel.value), contact.id);
      if (channel.type === "sms") this.bySms.set(normalizePhone(channel.value), contact.id);
    }
    if (contact.externalCustomerId !== undefined) this.byExternalId.set(contact.externalCustomerId, contact.id);
  }

  groupByName(name: string, create: boolean): SimGroup | undefined {
    for (const group of this.groups.values()) if (group.name === name) return group;
    if (!create) return undefined;
    // UNKNOWN(§8.10): missing segments named in a bulk upsert are created, as Static.
    const group: SimGroup = { id: this.nextGroupId++, name, type: "Static", members: new Set() };
    this.groups.set(group.id, group);
    return group;
  }

  changeGroups(contactId: number, add: string[], remove: string[], createMissing: boolean): void {
    const contact = this.contacts.get(contactId);
    if (!contact) return;
    for (const name of add) {
      const group = this.groupByName(name, createMissing);
      if (!group) continue;
      group.members.add(contactId);
      contact.groupIds.add(group.id);
    }
    for (const name of remove) {
      const group = this.groupByName(name, false);
      if (!group) continue;
      group.members.delete(contactId);
      contact.groupIds.delete(group.id);
    }
  }

  startImport(
    contacts: IncomingContact[],
    options: { dedupeOn: DedupeOn; groupNames: string[]; groupNamesExclude: string[]; now: number },
  ): ImportSession {
    const session: ImportSession = {
      id: randomUUID(),
      createdAt: options.now,
      polls: 0,
      state: "STARTED",
      dedupeOn: options.dedupeOn,
      groupNames: options.groupNames,
      groupNamesExclude: options.groupNamesExclude,
      pending: contacts,
      mapping: [],
    };
    this.imports.set(session.id, session);
    if (this.imports.size > MAX_SESSIONS) {
      const oldest = this.imports.keys().next().value;
      if (oldest !== undefined) this.imports.delete(oldest);
    }
    return session;
  }

  /**
   * One status poll: STARTED → IMPORTING → FINISHED, driven by the number of polls or the
   * simulated time since the request, whichever is further along. Contacts land on FINISHED.
   */
  pollImport(session: ImportSession, now: number, config: SimConfig): ImportSession {
    session.polls++;
    const { pollsToFinish, secondsToFinish } = config.import;
    const elapsedSeconds = (now - session.createdAt) / 1000;
    const stage = Math.max(
      session.polls >= pollsToFinish ? 2 : session.polls >= 2 ? 1 : 0,
      elapsedSeconds >= secondsToFinish ? 2 : elapsedSeconds >= secondsToFinish / 3 ? 1 : 0,
      session.state === "FINISHED" ? 2 : session.state === "IMPORTING" ? 1 : 0,
    );
    session.state = stage === 2 ? "FINISHED" : stage === 1 ? "IMPORTING" : "STARTED";
    if (session.state === "FINISHED" && session.pending) {
      for (const contact of session.pending) {
        const { id, dedupeValue } = this.upsert(contact, session.dedupeOn);
        this.changeGroups(id, session.groupNames, session.groupNamesExclude, config.createMissingGroups);
        session.mapping.push({ dedupeValue, contactId: id });
      }
      session.pending = null;
    }
    return session;
  }
}
