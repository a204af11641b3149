import "server-only";
import { z } from "zod";
import { getDb } from "@/db/client";
import type { Db } from "@/db/types";
import { can, type Permission } from "@/lib/auth/roles";
import { DomainError } from "@/lib/errors";
import { getActor, type Actor } from "./actor";
import { formDataToObject, issuesToFieldErrors, type FieldErrors } from "./form";
import { logger } from "./logger";

/**
 * The one wrapper every server action goes through. A server action is a public HTTP endpoint,
 * so the wrapper — not the page that shows the button — checks, in this order:
 *   1. a session whose user still exists and is enabled  → else "unauthenticated"
 *   2. the permission the action declares                 → else "forbidden"
 *   3. the input, with zod                                → else "invalid" + field errors
 * and only then calls the handler with typed input and a context (db, actor, clock).
 * Handlers throw DomainError for expected refusals; anything else is logged and reported as
 * "internal" without leaking details.
 */
export type ActionContext = { db: Db; actor: Actor; now: () => Date };

export type ActionError = "unauthenticated" | "forbidden" | "invalid" | "internal" | (string & {});
export type ActionState<T = unknown> =
  | { ok: true; data: T; at: number }
  | { ok: false; error: ActionError; values?: Record<string, string | number>; fieldErrors?: FieldErrors; at: number }
  | null;

export type ActionAccess = { kind: "mutation" | "query"; permission: Permission } | { kind: "public" };

type Handler<S extends z.ZodType, R> = (input: z.output<S>, ctx: ActionContext) => Promise<R>;
export type ActionInput = FormData | Record<string, unknown>;
export type ServerActionFn<R> = ((prev: ActionState<R> | undefined, input: ActionInput) => Promise<ActionState<R>>) & {
  access: ActionAccess;
};

export function defineAction<S extends z.ZodType, R>(
  opts: { permission: Permission; schema: S; kind?: "mutation" | "query" },
  handler: Handler<S, R>,
): ServerActionFn<R> {
  const fn = async (_prev: ActionState<R> | undefined, input: ActionInput): Promise<ActionState<R>> => {
    const at = Date.now();
    const actor = await getActor();
    if (!actor) return { ok: false, error: "unauthenticated", at };
    if (!can(actor.role, opts.permission)) return { ok: false, error: "forbidden", at };
    return runValidated(opts.schema, input, at, async (data) =>
      handler(data, { db: await getDb(), actor, now: () => new Date() }),
    );
  };
  return Object.assign(fn, { access: { kind: opts.kind ?? "mutation", permission: opts.permission } as const });
}

/** For the few actions that must work without a session (logging in, choosing a language). */
export function definePublicAction<S extends z.ZodType, R>(
  opts: { schema: S },
  handler: (input: z.output<S>) => Promise<R>,
): ServerActionFn<R> {
  const fn = async (_prev: ActionState<R> | undefined, input: ActionInput): Promise<ActionState<R>> =>
    runValidated(opts.schema, input, Date.now(), handler);
  return Object.assign(fn, { access: { kind: "public" } as const });
}

async function runValidated<S extends z.ZodType, R>(
  schema: S,
  input: unknown,
  at: number,
  run: (data: z.output<S>) => Promise<R>,
): Promise<ActionState<R>> {
  const raw = input instanceof FormData ? formDataToObject(input) : (input ?? {});
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: issuesToFieldErrors(parsed.error.issues), at };
  try {
    return { ok: true, data: await run(parsed.data), at };
  } catch (err) {
    if (isNextControlFlow(err)) throw err;
    if (err instanceof DomainError) return { ok: false, error: err.code, values: err.values, at };
    logger.error("server action failed", err);
    return { ok: false, error: "internal", at };
  }
}

/** redirect() and notFound() work by throwing; they must pass through untouched. */
function isNextControlFlow(err: unknown): boolean {
  const digest = (err as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest === "NEXT_NOT_FOUND");
}
