export * from "./auth";
export * from "./settings";
export * from "./mailings";
export * from "./contacts";
export * from "./sending";
