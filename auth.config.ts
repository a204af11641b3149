import type { NextAuthConfig } from "next-auth";
import { safeCallbackPath } from "@/lib/auth/callback-url";

/**
 * The part of the Auth.js configuration that the proxy needs: no database, no password hashing,
 * so the proxy stays light. `auth.ts` adds the credentials provider on top.
 */
export const PUBLIC_PATHS = ["/login"];

export const authConfig = {
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  trustHost: true,
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      const { pathname, search } = request.nextUrl;
      if (PUBLIC_PATHS.includes(pathname)) return true;
      if (auth?.user) return true;
      // Remember where the user was going, as a same-site path only (no open redirect).
      const login = new URL("/login", request.nextUrl.origin);
      const back = safeCallbackPath(pathname + search);
      if (back !== "/") login.searchParams.set("callbackUrl", back);
      return Response.redirect(login);
    },
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.loginAt = Date.now();
      }
      return token;
    },
    session({ session, token }) {
      if (token.uid) session.user.id = token.uid;
      if (token.role) session.user.role = token.role;
      if (token.loginAt) session.user.loginAt = token.loginAt;
      return session;
    },
  },
} satisfies NextAuthConfig;
