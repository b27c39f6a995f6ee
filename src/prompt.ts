import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { MigrationAgentError } from "./errors.js";
import { packageFile } from "./paths.js";

export interface PromptFrontmatter {
  name: string;
  description: string;
  tools: string[];
  model: string;
}

export interface AgentPrompt {
  frontmatter: PromptFrontmatter;
  body: string;
  /** The seed prompt's body, a blank line, then prompts/runtime.md: the same bytes on every run, so it caches. */
  systemPrompt: string;
}

/** A prompt file of this package is malformed: a packaging fault, not the caller's. */
export class PromptFileError extends MigrationAgentError {}

export const SEED_PROMPT_FILE = "migration-assistant.md";
export const RUNTIME_PROMPT_FILE = "runtime.md";

const REQUIRED_FIELDS = ["name", "description", "tools", "model"] as const;
const FRONTMATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

const nonEmpty = z.string().trim().min(1);
// Claude Code writes `tools: Read, Grep, Glob, Write`; a YAML list means the same.
const toolList = z
  .union([z.string(), z.array(nonEmpty)])
  .transform((tools) => (typeof tools === "string" ? tools.split(",") : tools).map((t) => t.trim()).filter(Boolean))
  .pipe(z.array(z.string()).min(1));
const frontmatterSchema = z.object({ name: nonEmpty, description: nonEmpty, tools: toolList, model: nonEmpty });

/** Splits a prompt file into its YAML frontmatter (checked) and its Markdown body (trimmed). */
export function parsePromptFile(text: string): { frontmatter: PromptFrontmatter; body: string } {
  const match = FRONTMATTER.exec(text);
  if (!match) throw new PromptFileError('The prompt file has no frontmatter: it must start with a "---" line and close it with another.');
  let data: unknown;
  try {
    data = parseYaml(match[1]!);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0]!.replace(/\.$/, "") : String(error);
    throw new PromptFileError(`The prompt frontmatter is not valid YAML: ${reason}.`);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new PromptFileError("The prompt frontmatter must be a YAML mapping of fields.");
  }
  const missing = REQUIRED_FIELDS.find((field) => (data as Record<string, unknown>)[field] == null);
  if (missing) throw new PromptFileError(`The prompt frontmatter has no "${missing}" field.`);
  const parsed = frontmatterSchema.safeParse(data);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? "frontmatter");
    throw new PromptFileError(`The prompt frontmatter field "${field}" is not valid: it must be ${FIELD_SHAPES[field] ?? "text"}.`);
  }
  return { frontmatter: parsed.data, body: text.slice(match[0].length).trim() };
}

const FIELD_SHAPES: Record<string, string> = {
  name: "non-empty text",
  description: "non-empty text",
  model: "non-empty text",
  tools: 'a comma list ("Read, Grep") or a YAML list of tool names',
};

/** The agent's system prompt, from the package's prompts/ folder (or another, for tests). */
export async function loadAgentPrompt(promptsDir: string = packageFile("prompts")): Promise<AgentPrompt> {
  const [seed, runtime] = await Promise.all([readPrompt(promptsDir, SEED_PROMPT_FILE), readPrompt(promptsDir, RUNTIME_PROMPT_FILE)]);
  const { frontmatter, body } = parsePromptFile(seed);
  return { frontmatter, body, systemPrompt: `${body}\n\n${runtime.trim()}` };
}

async function readPrompt(dir: string, name: string): Promise<string> {
  try {
    return await readFile(join(dir, name), "utf8");
  } catch {
    throw new PromptFileError(`The prompt file prompts/${name} cannot be read; the installation is incomplete.`);
  }
}
