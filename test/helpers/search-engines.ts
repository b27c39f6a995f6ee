import { findRipgrep } from "../../src/search/ripgrep.js";

/** The two engines behind Grep and Glob, as `MIGRATION_AGENT_RIPGREP` selects them; rg only where installed. */
export const ripgrepPath = findRipgrep({ PATH: process.env.PATH });

export const searchEngines: Array<{ name: string; setting: string; available: boolean }> = [
  { name: "ripgrep", setting: ripgrepPath ?? "", available: ripgrepPath !== undefined },
  { name: "our own search", setting: "off", available: true },
];

/** Runs `body` with the engine chosen, restoring the environment after. */
export async function withEngine<T>(setting: string, body: () => Promise<T>): Promise<T> {
  const saved = process.env.MIGRATION_AGENT_RIPGREP;
  process.env.MIGRATION_AGENT_RIPGREP = setting;
  try {
    return await body();
  } finally {
    if (saved === undefined) delete process.env.MIGRATION_AGENT_RIPGREP;
    else process.env.MIGRATION_AGENT_RIPGREP = saved;
  }
}
