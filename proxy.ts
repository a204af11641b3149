import NextAuth from "next-auth";
import { authConfig } from "./auth.config";

// Next 16's proxy (formerly middleware): sends anyone without a session to /login. This is a
// convenience only — every page, server action and route handler checks the session itself.
const { auth } = NextAuth(authConfig);
export default auth;

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
