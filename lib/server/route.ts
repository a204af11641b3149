import "server-only";
import { getDb } from "@/db/client";
import { can, type Permission } from "@/lib/auth/roles";
import { getActor } from "./actor";
import type { ActionContext } from "./action";
import { logger } from "./logger";

/**
 * The one wrapper for route handlers that need a user: 401 without a session, 403 without the
 * permission, 500 (no details) on an unexpected error. Public routes (health, Auth.js, webhooks
 * with their own credentials) say so with `publicRoute`, so the access test can list them.
 */
export type RouteAccess = { kind: "protected"; permission: Permission } | { kind: "public"; reason: string };
type RouteFn<P> = ((req: Request, ctx: { params: Promise<P> }) => Promise<Response>) & { access: RouteAccess };

export function defineRoute<P = Record<string, string>>(
  opts: { permission: Permission },
  handler: (req: Request, ctx: ActionContext & { params: P }) => Promise<Response>,
): RouteFn<P> {
  const fn = async (req: Request, routeCtx: { params: Promise<P> }) => {
    const actor = await getActor();
    if (!actor) return Response.json({ error: "unauthenticated" }, { status: 401 });
    if (!can(actor.role, opts.permission)) return Response.json({ error: "forbidden" }, { status: 403 });
    try {
      const params = (await routeCtx?.params) ?? ({} as P);
      return await handler(req, { db: await getDb(), actor, now: () => new Date(), params });
    } catch (err) {
      logger.error("route failed", err);
      return Response.json({ error: "internal" }, { status: 500 });
    }
  };
  return Object.assign(fn, { access: { kind: "protected", permission: opts.permission } as const });
}

export function publicRoute<P = Record<string, string>>(
  reason: string,
  handler: (req: Request, ctx: { params: Promise<P> }) => Promise<Response>,
): RouteFn<P> {
  return Object.assign(handler, { access: { kind: "public", reason } as const });
}
