import { MigrationAgentError } from "../errors.js";

export const MCP_CONFIG_FILE = ".mcp.json";
export const SERVER_KEY = "migration-agent";

/** A `.mcp.json` we cannot merge into without losing something: reported, exit 1, file left alone. */
export class McpConfigError extends MigrationAgentError {}

export interface ServerEntry {
  command: string;
  args: string[];
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function sameEntry(existing: unknown, entry: ServerEntry): boolean {
  return (
    isObject(existing) &&
    existing.command === entry.command &&
    JSON.stringify(existing.args) === JSON.stringify(entry.args)
  );
}

/** Keeps the file's own indentation when it has one, so a merge changes no more than it must. */
function indentOf(text: string): string | number {
  const match = /^[{[][^\n]*\n([ \t]+)\S/.exec(text);
  return match?.[1] ?? 2;
}

/**
 * Merges our server entry into the text of an existing `.mcp.json` (null: there is none).
 * Every other key, and every other server, is kept; keys the person added to our entry (env…) too.
 * Returns the new text, or null when the file already says what we would write.
 */
export function mergeMcpConfig(text: string | null, entry: ServerEntry): string | null {
  let config: unknown = {};
  if (text !== null && text.trim() !== "") {
    try {
      config = JSON.parse(text);
    } catch {
      throw new McpConfigError(`${MCP_CONFIG_FILE} is not valid JSON; fix or remove it, then run init again.`);
    }
  }
  if (!isObject(config)) {
    throw new McpConfigError(`${MCP_CONFIG_FILE} does not hold a JSON object; fix or remove it, then run init again.`);
  }
  const servers = config.mcpServers ?? {};
  if (!isObject(servers)) {
    throw new McpConfigError(`"mcpServers" in ${MCP_CONFIG_FILE} is not an object; fix it, then run init again.`);
  }
  const existing = servers[SERVER_KEY];
  if (sameEntry(existing, entry)) return null;

  const merged = { ...(isObject(existing) ? existing : {}), command: entry.command, args: entry.args };
  const next = { ...config, mcpServers: { ...servers, [SERVER_KEY]: merged } };
  return `${JSON.stringify(next, null, text ? indentOf(text) : 2)}\n`;
}
