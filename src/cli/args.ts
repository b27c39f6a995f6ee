import { Command, CommanderError } from "commander";
import { DEFAULT_MAX_TURNS } from "../agent/constants.js";
import { UsageError } from "../errors.js";
import { HELP_AFTER } from "./help-text.js";

/** What the command line asks for. Parsing never prints and never exits: main decides both. */
export type CliCommand =
  | { kind: "print"; text: string }
  | { kind: "mcp" }
  | { kind: "init"; repo: string | undefined }
  | { kind: "run"; request: RunRequest };

export type OutputFormat = "text" | "json" | "stream-json";
export type Verbosity = "quiet" | "normal" | "verbose";

export interface RunRequest {
  /** The task as typed: words to join, or ["-"] for standard input. */
  words: string[];
  repo?: string;
  out?: string;
  model?: string;
  maxTurns?: number;
  maxBudgetUsd?: number;
  allowWrite: string[];
  transcript?: string;
  offline: boolean;
  format: OutputFormat;
  verbosity: Verbosity;
}

export const OUTPUT_FORMATS: readonly OutputFormat[] = ["text", "json", "stream-json"];
const SUBCOMMANDS = ["mcp", "init"];

/** A usage error, with the output format it must be reported in (text until --output-format was read). */
export class CliUsageError extends UsageError {
  constructor(
    message: string,
    readonly format: OutputFormat = "text",
  ) {
    super(message);
  }
}

interface RawOptions {
  repo?: string;
  out?: string;
  model?: string;
  maxTurns?: string;
  maxBudgetUsd?: string;
  outputFormat?: string;
  allowWrite?: string[];
  transcript?: string;
  offline?: boolean;
  verbose?: boolean;
  quiet?: boolean;
}

function program(version: string, sink: { out: string }): Command {
  return new Command("migration-agent")
    .usage("[options] <task...>\n       migration-agent mcp | init | --help | --version")
    .description("Plans a database migration by reading your repository, and writes the plan as a Markdown file.")
    .argument("[task...]", 'the change, in words ("rename users.email to users.email_address"); - reads it from standard input')
    .option("-C, --repo <dir>", "the repository to inspect; every tool is scoped to it (default: the current directory)")
    .option("-o, --out <file>", "the plan file, relative to the repo (default: migration-plans/<yyyy-mm-dd>-<slug>.md)")
    .option("-m, --model <model>", "sonnet, opus, haiku, or a full model id (default: sonnet)")
    .option("--max-turns <n>", `model requests at most (default: ${DEFAULT_MAX_TURNS})`)
    .option("--max-budget-usd <usd>", "stop once the estimated spend reaches this")
    .option("--output-format <format>", "text, json or stream-json (default: text)")
    .option("--allow-write <glob>", "more paths Write may create, e.g. db/migrate/** (repeatable)", (value: string, previous: string[] | undefined) => [
      ...(previous ?? []),
      value,
    ])
    .option("--transcript <file>", "write every Messages API request and response body to this file, one JSON object a line")
    .option("--offline", "no model: the plan comes from the built-in survey and rule table")
    .option("-v, --verbose", "more progress on stderr: the model's text, each plan problem")
    .option("-q, --quiet", "no progress on stderr, errors only")
    .version(version, "-V, --version", "print the version")
    .helpOption("-h, --help", "print this help")
    .addHelpText("after", HELP_AFTER)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => (sink.out += text),
      writeErr: () => {},
      outputError: () => {},
    });
}

/** Commander's messages start with "error: "; ours are one sentence that ends by pointing to --help. */
function commanderMessage(error: CommanderError): string {
  // Commander puts its "(Did you mean --repo?)" on a second line.
  const text = error.message.replace(/^error:\s*/i, "").replace(/\s*\n\s*/g, " ").replace(/\.$/, "");
  return `${text[0]?.toUpperCase() ?? ""}${text.slice(1)}; see migration-agent --help.`;
}

function parseFormat(value: string | undefined): OutputFormat {
  if (value === undefined) return "text";
  if ((OUTPUT_FORMATS as readonly string[]).includes(value)) return value as OutputFormat;
  throw new CliUsageError(`--output-format must be text, json or stream-json, not "${value}".`);
}

function parseMaxTurns(value: string | undefined, format: OutputFormat): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new CliUsageError(`--max-turns must be a whole number of at least 1, not "${value}".`, format);
  return n;
}

function parseBudget(value: string | undefined, format: OutputFormat): number | undefined {
  if (value === undefined) return undefined;
  const n = value.trim() === "" ? NaN : Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new CliUsageError(`--max-budget-usd must be a positive amount in US dollars, not "${value}".`, format);
  return n;
}

/** A first operand `mcp` or `init` is the subcommand unless it came after `--`. */
function subcommandOf(argv: string[], operands: string[]): string | undefined {
  const first = operands[0];
  if (first === undefined || !SUBCOMMANDS.includes(first)) return undefined;
  const dashes = argv.indexOf("--");
  const afterDashes = dashes === -1 ? 0 : argv.length - dashes - 1;
  return operands.length > afterDashes ? first : undefined;
}

function subcommand(name: string, operands: string[], cli: Command, options: RawOptions, format: OutputFormat): CliCommand {
  const hint = `to plan a task that starts with "${name}", quote the whole task or put -- before it`;
  if (operands.length > 1) throw new CliUsageError(`${name} takes no further words; ${hint}.`, format);
  const given = cli.options
    .map((option) => option.attributeName())
    .filter((key) => cli.getOptionValueSource(key) === "cli" && !(name === "init" && key === "repo"));
  if (given.length > 0) {
    const allowed = name === "init" ? "only -C/--repo" : "no options";
    throw new CliUsageError(`${name} takes ${allowed}; ${hint}.`, format);
  }
  return name === "mcp" ? { kind: "mcp" } : { kind: "init", repo: options.repo };
}

/** argv without the node and script paths. */
export function parseArgs(argv: string[], version: string): CliCommand {
  const sink = { out: "" };
  const cli = program(version, sink);
  try {
    cli.parse(argv, { from: "user" });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return { kind: "print", text: sink.out };
    const format = OUTPUT_FORMATS.find((f) => f === cli.opts<RawOptions>().outputFormat) ?? "text";
    throw new CliUsageError(commanderMessage(error), format);
  }
  const options = cli.opts<RawOptions>();
  const format = parseFormat(options.outputFormat);
  const operands = cli.args;
  const name = subcommandOf(argv, operands);
  if (name !== undefined) return subcommand(name, operands, cli, options, format);
  if (options.verbose && options.quiet) throw new CliUsageError("--verbose and --quiet cannot be used together.", format);
  return {
    kind: "run",
    request: {
      words: operands,
      repo: options.repo,
      out: options.out,
      model: options.model,
      maxTurns: parseMaxTurns(options.maxTurns, format),
      maxBudgetUsd: parseBudget(options.maxBudgetUsd, format),
      allowWrite: options.allowWrite ?? [],
      transcript: options.transcript,
      offline: options.offline === true,
      format,
      verbosity: options.verbose ? "verbose" : options.quiet ? "quiet" : "normal",
    },
  };
}
