export * from "./schema.js";
export type * from "./operations.js";
export { applyOperation, replayMigrations } from "./replay.js";
export { renameIdentifier } from "./rename-identifier.js";
