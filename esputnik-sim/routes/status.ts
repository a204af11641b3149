/** GET /api/v1/message/status?ids=a,b — statuses derived from plan + elapsed simulated time. */
import { statusAt, statusFlags, stepTable } from "../lifecycle";
import { collapse, ok, text, type Route } from "../router";

export const statusRoutes: Route[] = [
  {
    name: "message.status",
    method: "GET",
    pattern: /^\/api\/v1\/message\/status$/,
    handler: ({ state, query }) => {
      const ids = (query.get("ids") ?? "")
        .split(",")
        .map((id) => id.trim())
        .filter((id) => id !== "");
      if (ids.length === 0) return text(400, "ids parameter is required");
      // UNKNOWN(§8.1): the real maximum is undocumented; over the configured one → 400.
      if (ids.length > state.config.limits.statusIds) {
        return text(400, `Too many ids: ${ids.length}, the maximum is ${state.config.limits.statusIds}`);
      }
      const now = state.clock.now();
      const steps = stepTable(state.config.lifecycle);
      const results: { requestId: string; status: string; delivered: boolean; failed: boolean }[] = [];
      for (const requestId of ids) {
        const seq = state.records.seqOf(requestId);
        if (seq < 0) {
          // UNKNOWN(§8.1): unknown or evicted ids are omitted unless MESSAGE_NOT_FOUND is configured.
          if (state.config.statusNotFound === "MESSAGE_NOT_FOUND") {
            results.push({ requestId, status: "MESSAGE_NOT_FOUND", delivered: false, failed: false });
          }
          continue;
        }
        const record = state.records.get(seq);
        const status = statusAt(steps[record.plan] ?? [], now - record.sentAt);
        results.push({ requestId, status, ...statusFlags(status) });
      }
      // UNKNOWN(§8.2): object envelope {"results": ...} (what real clients read), not the spec's array.
      return ok({ results: collapse(state, results) });
    },
  },
];
