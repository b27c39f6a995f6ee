/** Model aliases as in Claude Code (cli.md), each overridable by its environment variable. */
export const MODEL_ALIASES = {
  sonnet: { id: "claude-sonnet-5-5", envVar: "ANTHROPIC_DEFAULT_SONNET_MODEL" },
  opus: { id: "claude-opus-5-5", envVar: "ANTHROPIC_DEFAULT_OPUS_MODEL" },
  haiku: { id: "claude-haiku-5-5", envVar: "ANTHROPIC_DEFAULT_HAIKU_MODEL" },
} as const;

type Alias = keyof typeof MODEL_ALIASES;

/**
 * The model id to send: `--model` if given, else the prompt's frontmatter; an alias becomes its id (or its
 * environment override); anything else is sent as it is.
 */
export function resolveModel(
  model: string | undefined,
  frontmatterModel: string,
  env: Record<string, string | undefined>,
): string {
  const chosen = model?.trim() || frontmatterModel.trim();
  const alias = chosen.toLowerCase();
  if (!Object.hasOwn(MODEL_ALIASES, alias)) return chosen;
  const { id, envVar } = MODEL_ALIASES[alias as Alias];
  return env[envVar]?.trim() || id;
}
