import { handlers } from "@/auth";
import { publicRoute } from "@/lib/server/route";

// Auth.js's own endpoints (sign-in callback, session, CSRF): public by design.
export const GET = publicRoute("Auth.js endpoints", (req) => handlers.GET(req as never));
export const POST = publicRoute("Auth.js endpoints", (req) => handlers.POST(req as never));
