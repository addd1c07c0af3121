export * from "./audit.js";
export * from "./clients.js";
export * from "./consultations.js";
export * from "./directory.js";
export * from "./identity.js";
export * from "./platform.js";
export * from "./procedures.js";
export * from "./referrals.js";
