/** Prepared messages: search with paging + TotalCount, and get by id. */
import type { SimConfig } from "../config";
import type { BucketSpec } from "../ratelimit";
import { isReply, ok, paging, pathInt, text, type Route } from "../router";
import type { Channel } from "../seed";

const hourly = (name: string) => (config: SimConfig): BucketSpec[] => [
  { name: `${name}/hour`, capacity: config.rateLimit.messagesPerHour, perSecond: config.rateLimit.messagesPerHour / 3600 },
];

function listRoute(channel: Channel): Route {
  const name = `messages.${channel}.list`;
  return {
    name,
    method: "GET",
    pattern: new RegExp(`^/api/v1/messages/${channel}$`),
    limits: hourly(name),
    handler: ({ state, query }) => {
      const page = paging(query, state.config);
      if (isReply(page)) return page;
      const search = (query.get("search") ?? "").trim().toLowerCase();
      // Newest first; the search matches part of the name or a tag.
      const matches = [...state.messages.values()]
        .filter((message) => message.channel === channel)
        .map((message) => message.data)
        .filter((data) => search === "" || data.name.toLowerCase().includes(search) || data.tags.some((tag) => tag.toLowerCase().includes(search)))
        .sort((a, b) => b.id - a.id);
      // UNKNOWN(§8.8): list items carry the full message (htmlText included), as the spec's model says.
      const items = matches.slice(page.start - 1, page.start - 1 + page.rows);
      return ok(items, { TotalCount: String(matches.length) });
    },
  };
}

function getRoute(channel: Channel): Route {
  const name = `messages.${channel}.get`;
  return {
    name,
    method: "GET",
    pattern: new RegExp(`^/api/v1/messages/${channel}/([^/]+)$`),
    limits: (config) => [
      ...hourly(name)(config),
      // The Rate Limits page lists 10/s for GET /messages/email/{id}.
      ...(channel === "email"
        ? [{ name: `${name}/second`, capacity: config.rateLimit.emailGetPerSecond, perSecond: config.rateLimit.emailGetPerSecond }]
        : []),
    ],
    handler: ({ state, params }) => {
      const id = pathInt(params[0]);
      if (id === undefined) return text(400, `Invalid message id '${params[0]}'`);
      const message = state.messages.get(id);
      if (!message || message.channel !== channel) return text(404, `Message with id ${id} not found`);
      return ok(message.data);
    },
  };
}

export const messageRoutes: Route[] = [listRoute("email"), getRoute("email"), listRoute("sms"), getRoute("sms")];
