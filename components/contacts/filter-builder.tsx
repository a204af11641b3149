"use client";
import { useId } from "react";
import { useTranslations } from "next-intl";
import type { FieldErrors } from "@/lib/server/form";
import { FieldErrorText, fieldErrorAria, useFieldErrors } from "@/components/form/action-feedback";
import { CONTACT_LANGUAGES } from "@/lib/contacts/languages";
import {
  FILTER_FIELDS,
  MAX_FILTER_DEPTH,
  VALUELESS_OPERATORS,
  isFilterGroup,
  operatorsFor,
  type FilterCondition,
  type FilterField,
  type FilterGroup,
  type FilterNode,
} from "@/lib/contacts/filter";
import type { GroupOption } from "./contacts-table";

type Props = {
  group: FilterGroup;
  onChange: (group: FilterGroup) => void;
  staticGroups: GroupOption[];
  /** The server's field errors, keyed by path ("filter.conditions.0.value"). */
  errors?: FieldErrors;
  path?: string;
  depth?: number;
  onRemove?: () => void;
};

/**
 * Edits a filter: conditions on contact fields joined by AND or OR, with nested condition groups
 * (up to MAX_FILTER_DEPTH). It only edits data; the server validates and compiles it.
 */
export function FilterBuilder({ group, onChange, staticGroups, errors, path = "filter", depth = 1, onRemove }: Props) {
  const t = useTranslations("groups.filter");
  const replace = (i: number, node: FilterNode | null) =>
    onChange({ ...group, conditions: node ? group.conditions.map((c, j) => (j === i ? node : c)) : group.conditions.filter((_, j) => j !== i) });
  return (
    <div className={`space-y-2 ${depth > 1 ? "rounded-md border border-gray-200 bg-gray-50 p-3" : ""}`} data-testid={`filter-group-${depth}`}>
      <div className="flex flex-wrap items-center gap-2">
        <select
          aria-label={t("title")}
          value={group.combinator}
          onChange={(e) => onChange({ ...group, combinator: e.target.value as FilterGroup["combinator"] })}
          className="rounded border border-gray-300 bg-white px-2 py-1 text-sm"
          data-testid="filter-combinator"
        >
          <option value="and">{t("combinator.and")}</option>
          <option value="or">{t("combinator.or")}</option>
        </select>
        {onRemove ? (
          <button type="button" className="ml-auto text-xs text-red-700 hover:underline" onClick={onRemove}>
            {t("remove")}
          </button>
        ) : null}
      </div>
      {group.conditions.map((node, i) =>
        isFilterGroup(node) ? (
          <FilterBuilder
            key={i}
            group={node}
            onChange={(g) => replace(i, g)}
            onRemove={() => replace(i, null)}
            staticGroups={staticGroups}
            errors={errors}
            path={`${path}.conditions.${i}`}
            depth={depth + 1}
          />
        ) : (
          <ConditionRow key={i} condition={node} onChange={(c) => replace(i, c)} onRemove={() => replace(i, null)} staticGroups={staticGroups} errors={errors?.[`${path}.conditions.${i}.value`]} />
        ),
      )}
      <div className="flex gap-3 text-sm">
        <button type="button" className="text-blue-700 hover:underline" data-testid="filter-add-condition" onClick={() => onChange({ ...group, conditions: [...group.conditions, newCondition("fullName")] })}>
          {t("addCondition")}
        </button>
        {depth < MAX_FILTER_DEPTH ? (
          <button
            type="button"
            className="text-blue-700 hover:underline"
            onClick={() => onChange({ ...group, conditions: [...group.conditions, { combinator: group.combinator === "and" ? "or" : "and", conditions: [newCondition("fullName")] }] })}
          >
            {t("addGroup")}
          </button>
        ) : null}
      </div>
    </div>
  );
}

/** A condition with the first operator of the field and an empty value. */
function newCondition(field: FilterField): FilterCondition {
  return { field, op: operatorsFor(field)[0], value: "" } as FilterCondition;
}

function ConditionRow({
  condition,
  onChange,
  onRemove,
  staticGroups,
  errors,
}: {
  condition: FilterCondition;
  onChange: (c: FilterCondition) => void;
  onRemove: () => void;
  staticGroups: GroupOption[];
  errors?: FieldErrors[string];
}) {
  const t = useTranslations("groups.filter");
  const tf = useTranslations("contacts.fields");
  const tl = useTranslations("contacts.languages");
  const fieldLabel = (f: FilterField) => (f === "group" ? t("fieldNames.group") : tf(f));
  const select = "rounded border border-gray-300 bg-white px-2 py-1 text-sm";
  // The value's error goes once the user changes anything in this condition.
  const shown = useFieldErrors(errors);
  const errorId = useId();
  const edit = (c: FilterCondition) => {
    shown.onEdit();
    onChange(c);
  };
  const set = (patch: Partial<{ op: string; value: string }>) => edit({ ...condition, ...patch } as FilterCondition);
  return (
    <div data-testid="filter-condition">
      <div className="flex flex-wrap items-center gap-2">
        <select aria-label={t("field")} value={condition.field} onChange={(e) => edit(newCondition(e.target.value as FilterField))} className={select} data-testid="filter-field">
          {FILTER_FIELDS.map((f) => (
            <option key={f} value={f}>
              {fieldLabel(f)}
            </option>
          ))}
        </select>
        <select aria-label={t("operator")} value={condition.op} onChange={(e) => set({ op: e.target.value, value: "" })} className={select} data-testid="filter-operator">
          {operatorsFor(condition.field).map((op) => (
            <option key={op} value={op}>
              {t(`operators.${op}` as "operators.contains")}
            </option>
          ))}
        </select>
        <ConditionValue
          condition={condition}
          onValue={(value) => set({ value })}
          staticGroups={staticGroups}
          languageLabel={(l) => tl(l)}
          errorAria={fieldErrorAria(shown.errors, errorId)}
        />
        <button type="button" className="text-xs text-red-700 hover:underline" onClick={onRemove}>
          {t("remove")}
        </button>
      </div>
      <FieldErrorText errors={shown.errors} id={errorId} />
    </div>
  );
}

function ConditionValue({
  condition,
  onValue,
  staticGroups,
  languageLabel,
  errorAria,
}: {
  condition: FilterCondition;
  onValue: (value: string) => void;
  staticGroups: GroupOption[];
  languageLabel: (l: (typeof CONTACT_LANGUAGES)[number]) => string;
  errorAria: ReturnType<typeof fieldErrorAria>;
}) {
  const t = useTranslations("groups.filter");
  const input = "rounded border border-gray-300 px-2 py-1 text-sm";
  if (VALUELESS_OPERATORS.includes(condition.op)) return null;
  if (condition.field === "language")
    return (
      <select aria-label={t("value")} value={condition.value} onChange={(e) => onValue(e.target.value)} className={input} {...errorAria} data-testid="filter-value">
        <option value="">{t("chooseLanguage")}</option>
        {CONTACT_LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {languageLabel(l)}
          </option>
        ))}
      </select>
    );
  if (condition.field === "group")
    return (
      <select aria-label={t("value")} value={condition.value} onChange={(e) => onValue(e.target.value)} className={input} {...errorAria} data-testid="filter-value">
        <option value="">{t("chooseGroup")}</option>
        {staticGroups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </select>
    );
  if (condition.field === "createdAt" && condition.op === "inLastDays")
    return (
      <label className="flex items-center gap-1 text-sm">
        <input aria-label={t("value")} type="number" min={1} max={9999} value={condition.value} onChange={(e) => onValue(e.target.value)} className={`${input} w-24`} {...errorAria} data-testid="filter-value" />
        {t("days")}
      </label>
    );
  return (
    <input
      aria-label={t("value")}
      type={condition.field === "createdAt" ? "date" : "text"}
      value={condition.value}
      onChange={(e) => onValue(e.target.value)}
      className={input}
      {...errorAria}
      data-testid="filter-value"
    />
  );
}
