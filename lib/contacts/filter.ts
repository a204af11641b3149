import { z } from "zod";
import { CONTACT_LANGUAGES } from "./languages";

/**
 * The saved filter of a dynamic group (and the table's column filters): conditions on contact
 * fields and the contact's account, combined with AND / OR, nested up to MAX_FILTER_DEPTH.
 * Plain data, validated here and compiled to SQL only by lib/contacts/filter-sql.ts — never
 * concatenated into SQL text.
 */
export const TEXT_FIELDS = ["fullName", "jobTitle", "email", "mobilePhone", "workPhone", "accountName"] as const;
export const FLAG_FIELDS = ["doNotUseEmail", "doNotUseSms", "emailInvalid"] as const;
export const FILTER_FIELDS = [...TEXT_FIELDS, "language", ...FLAG_FIELDS, "createdAt", "group"] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export type FlagField = (typeof FLAG_FIELDS)[number];
export type FilterField = (typeof FILTER_FIELDS)[number];

export const TEXT_OPERATORS = ["contains", "notContains", "equals", "notEquals", "startsWith", "endsWith", "isEmpty", "isNotEmpty"] as const;
export const LANGUAGE_OPERATORS = ["equals", "notEquals", "isEmpty", "isNotEmpty"] as const;
export const FLAG_OPERATORS = ["isTrue", "isFalse"] as const;
export const DATE_OPERATORS = ["before", "onOrAfter", "inLastDays"] as const;
export const GROUP_OPERATORS = ["inGroup", "notInGroup"] as const;

/** Which operators each field offers (the filter builder reads this too). */
export function operatorsFor(field: FilterField): readonly string[] {
  if ((TEXT_FIELDS as readonly string[]).includes(field)) return TEXT_OPERATORS;
  if ((FLAG_FIELDS as readonly string[]).includes(field)) return FLAG_OPERATORS;
  if (field === "language") return LANGUAGE_OPERATORS;
  if (field === "createdAt") return DATE_OPERATORS;
  return GROUP_OPERATORS;
}

/** Operators that compare with nothing. */
export const VALUELESS_OPERATORS: readonly string[] = ["isEmpty", "isNotEmpty", "isTrue", "isFalse"];

export const MAX_FILTER_DEPTH = 3;
export const MAX_FILTER_CONDITIONS = 50;

const textCondition = z
  .object({ field: z.enum(TEXT_FIELDS), op: z.enum(TEXT_OPERATORS), value: z.string().trim().max(200).default("") })
  .refine((c) => VALUELESS_OPERATORS.includes(c.op) || c.value !== "", { message: "validation.required", path: ["value"] });

const languageCondition = z
  .object({ field: z.literal("language"), op: z.enum(LANGUAGE_OPERATORS), value: z.union([z.enum(CONTACT_LANGUAGES), z.literal("")]).default("") })
  .refine((c) => VALUELESS_OPERATORS.includes(c.op) || c.value !== "", { message: "validation.required", path: ["value"] });

const flagCondition = z.object({
  field: z.enum(FLAG_FIELDS),
  op: z.enum(FLAG_OPERATORS),
  value: z
    .string()
    .max(200)
    .default("")
    .transform(() => ""),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "validation.date" }).refine((v) => !Number.isNaN(Date.parse(v)), {
  message: "validation.date",
});
const dateCondition = z.union([
  z.object({ field: z.literal("createdAt"), op: z.enum(["before", "onOrAfter"]), value: isoDate }),
  z.object({
    field: z.literal("createdAt"),
    op: z.literal("inLastDays"),
    value: z.string().regex(/^\d{1,4}$/, { message: "validation.wholeNumber" }),
  }),
]);

const groupCondition = z.object({ field: z.literal("group"), op: z.enum(GROUP_OPERATORS), value: z.uuid({ message: "validation.choice" }) });

export const filterConditionSchema = z.union([textCondition, languageCondition, flagCondition, dateCondition, groupCondition]);
export type FilterCondition = z.output<typeof filterConditionSchema>;

export type FilterGroup = { combinator: "and" | "or"; conditions: FilterNode[] };
export type FilterNode = FilterCondition | FilterGroup;
/** A whole filter is a group: its combinator joins its conditions and nested groups. */
export type ContactFilter = FilterGroup;

const filterGroupSchema: z.ZodType<FilterGroup> = z.object({
  combinator: z.enum(["and", "or"]),
  get conditions() {
    return z.array(z.union([filterConditionSchema, filterGroupSchema])).max(MAX_FILTER_CONDITIONS);
  },
});

export const isFilterGroup = (node: FilterNode): node is FilterGroup => "combinator" in node;

function depthOf(node: FilterNode): number {
  return isFilterGroup(node) ? 1 + Math.max(0, ...node.conditions.map(depthOf)) : 0;
}
function conditionCount(node: FilterNode): number {
  return isFilterGroup(node) ? node.conditions.reduce((n, c) => n + conditionCount(c), 0) : 1;
}

/** A filter as stored in a dynamic group: bounded in depth and size, at least one condition. */
export const contactFilterSchema = filterGroupSchema
  .refine((f) => depthOf(f) <= MAX_FILTER_DEPTH, { message: "validation.filterTooDeep" })
  .refine((f) => conditionCount(f) <= MAX_FILTER_CONDITIONS, { message: "validation.filterTooBig" })
  .refine((f) => conditionCount(f) > 0, { message: "validation.filterEmpty" });

/** The ids of the groups a filter refers to (a dynamic group may only refer to static ones). */
export function referencedGroupIds(node: FilterNode): string[] {
  if (isFilterGroup(node)) return node.conditions.flatMap(referencedGroupIds);
  return node.field === "group" ? [node.value] : [];
}
