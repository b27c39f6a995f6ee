/** The part of --help that commander does not write: subcommands, examples, environment, exit codes. */
export const HELP_AFTER = `
Subcommands:
  mcp                      serve plan_migration over the Model Context Protocol on stdio
  init                     make this tool available to Claude Code in this folder, or the one
                           -C names (.mcp.json and .claude/agents/migration-assistant.md)
  A task that starts with "mcp" or "init" must be quoted whole or follow --.

Examples:
  migration-agent "rename users.email to users.email_address"
  migration-agent -C ~/src/shop add a NOT NULL plan column to accounts
  migration-agent --offline --output-format json "drop the legacy_orders table"
  echo "upgrade from Rails 7.1 to 8.0" | migration-agent -
  migration-agent --allow-write 'db/migrate/**' -o plans/rename.md rename users.email

Environment:
  ANTHROPIC_API_KEY        the API key (or ANTHROPIC_AUTH_TOKEN); not needed with --offline
  ANTHROPIC_BASE_URL       any endpoint that speaks the Messages API
  ANTHROPIC_DEFAULT_SONNET_MODEL, _OPUS_MODEL, _HAIKU_MODEL   override what an alias means

Exit codes:
  0    the plan is written and passes its checks
  1    the run failed: API error, budget or turns spent, plan still invalid
  2    usage error: unknown flag, no task, repo not found, no API key
  130  interrupted (Ctrl-C); a plan file this run created is removed
`;
