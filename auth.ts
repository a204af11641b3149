import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "./auth.config";
import { authenticate, credentialsSchema } from "@/lib/auth/authenticate";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/server/client-address";

class InvalidLogin extends CredentialsSignin {
  code = "invalid";
}
class ThrottledLogin extends CredentialsSignin {
  code = "throttled";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) throw new InvalidLogin();
        const result = await authenticate(
          {
            db: await getDb(),
            now: () => new Date(),
            policy: {
              maxPerAccount: env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
              maxPerIp: env.LOGIN_MAX_FAILURES_PER_IP,
              windowSeconds: env.LOGIN_THROTTLE_WINDOW_SECONDS,
            },
          },
          { ...parsed.data, ip: clientAddress(request.headers, env.TRUSTED_PROXY_HOPS) },
        );
        if (result.ok) return result.user;
        throw result.reason === "throttled" ? new ThrottledLogin() : new InvalidLogin();
      },
    }),
  ],
});
