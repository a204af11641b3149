/** Every /api route of the simulator. */
import type { Route } from "../router";
import { accountRoutes } from "./account";
import { activityRoutes } from "./activity";
import { contactRoutes } from "./contacts";
import { messageRoutes } from "./messages";
import { sendRoutes } from "./send";
import { statusRoutes } from "./status";

export const apiRoutes: Route[] = [
  ...accountRoutes,
  ...messageRoutes,
  ...sendRoutes,
  ...statusRoutes,
  ...contactRoutes,
  ...activityRoutes,
];
