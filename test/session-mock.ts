import { vi } from "vitest";
import type { Role } from "@/lib/auth/roles";

/**
 * Test double for the Auth.js session: tests choose who is "signed in" with `signInAs`. Everything
 * after the session (database lookup of the user, permission check) is the real code.
 */
type SessionUser = { id: string; role: Role; email: string; name: string; loginAt?: number };
export const sessionState: { current: { user: SessionUser } | null } = { current: null };

export function signInAs(user: SessionUser | null) {
  sessionState.current = user ? { user } : null;
}

export const authModuleMock = () => ({
  auth: vi.fn(async () => sessionState.current),
  signIn: vi.fn(async () => undefined),
  signOut: vi.fn(async () => undefined),
  handlers: { GET: vi.fn(async () => new Response("auth")), POST: vi.fn(async () => new Response("auth")) },
});

export const nextHeadersMock = () => {
  const jar = new Map<string, string>();
  return {
    cookies: async () => ({
      get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
      set: (name: string, value: string) => void jar.set(name, value),
      delete: (name: string) => void jar.delete(name),
    }),
    headers: async () => new Headers(),
  };
};
