/** Account info, balance, version and sender interfaces. */
import { ok, type Route } from "../router";

export const accountRoutes: Route[] = [
  {
    name: "account.info",
    method: "GET",
    pattern: /^\/api\/v1\/account\/info$/,
    // UNKNOWN(§8.12): only the two fields of the spec, no organisation id.
    handler: ({ state }) => ok({ userEmail: state.config.account.userEmail, organisationName: state.config.account.organisationName }),
  },
  {
    name: "balance",
    method: "GET",
    pattern: /^\/api\/v1\/balance$/,
    handler: ({ state }) => {
      const b = state.balance;
      return ok({
        currentBalance: Math.round(b.currentBalance * 100) / 100,
        creditLimit: b.creditLimit,
        currency: b.currency,
        bonusEmails: b.bonusEmails,
        bonusSmses: b.bonusSmses,
      });
    },
  },
  {
    name: "version",
    method: "GET",
    pattern: /^\/api\/v[12]\/version$/,
    handler: () => ok({ version: "sim-1", protocolVersion: "1.0" }),
  },
  {
    name: "interfaces.sms",
    method: "GET",
    pattern: /^\/api\/v1\/interfaces\/sms$/,
    handler: ({ state }) => ok(state.alphaNames.map((value) => ({ type: "sms", value }))),
  },
  {
    name: "interfaces.email",
    method: "GET",
    pattern: /^\/api\/v1\/interfaces\/email$/,
    handler: ({ state }) => ok(state.emailSenders.map((value) => ({ type: "email", value }))),
  },
];
