import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { findRipgrep, RG_BASE_FLAGS } from "../src/search/ripgrep.js";
import { Workspace } from "../src/workspace.js";
import { globInput, globTool } from "../tools/glob.js";
import { grepInput, grepTool } from "../tools/grep.js";
import { benchTree } from "./tree.js";

const RUNS = 5;
/** The goals of issue 3: through our tools with rg within 1.5x of rg alone; our own search within 10x. */
const GOAL_WITH_RG = 1.5;
const GOAL_OWN = 10;

interface Case {
  name: string;
  tool: () => Promise<string>;
  /** The ripgrep command line our tool runs for this call, to time on its own. */
  rgArgs: string[];
}

export interface ToolBenchRow {
  name: string;
  rgMs: number;
  toolRgMs: number;
  toolOwnMs: number;
}

/** Grep (three modes) and Glob on a large tree: our tools with rg, with our own search, and rg alone. */
export async function benchTools(tree?: string): Promise<ToolBenchRow[]> {
  const rg = findRipgrep();
  const root = tree ?? (await benchTree()).root;
  console.log(`tools bench: ${root}; warm, median of ${RUNS}`);
  if (!rg) console.log("tools bench: ripgrep not found, so only our own search is timed");
  const workspace = await Workspace.open(root, { planPath: "plan.md" });
  const grep = (input: Record<string, unknown>) => () => grepTool.run(grepInput.parse(input), { workspace });
  const search = [...RG_BASE_FLAGS, "--max-filesize", "10M", "--null", "--no-messages", "--color", "never"];
  const cases: Case[] = [
    {
      name: "Grep files_with_matches /createRequire/",
      tool: grep({ pattern: "createRequire" }),
      rgArgs: [...search, "--files-with-matches", "--case-sensitive", "--regexp", "createRequire", "--", "."],
    },
    {
      name: "Grep content /function \\w+Sync\\(/",
      tool: grep({ pattern: "function \\w+Sync\\(", output_mode: "content" }),
      rgArgs: [...search, "--line-number", "--with-filename", "--no-heading", "--case-sensitive", "--regexp", "function \\w+Sync\\(", "--", "."],
    },
    {
      name: "Grep count /export default/",
      tool: grep({ pattern: "export default", output_mode: "count" }),
      rgArgs: [...search, "--count", "--with-filename", "--case-sensitive", "--regexp", "export default", "--", "."],
    },
    {
      name: "Glob **/*.d.ts",
      tool: () => globTool.run(globInput.parse({ pattern: "**/*.d.ts" }), { workspace }),
      rgArgs: ["--files", "--null", "--no-messages", ...RG_BASE_FLAGS, "--type-add", "listed:*.d.ts", "--type", "listed", "--", "."],
    },
  ];
  const rows: ToolBenchRow[] = [];
  for (const benchCase of cases) {
    const rgMs = rg ? await median(async () => void spawnSync(rg, benchCase.rgArgs, { cwd: root, stdio: ["ignore", "pipe", "ignore"], maxBuffer: 1 << 30 })) : NaN;
    const toolRgMs = rg ? await median(() => withSetting(rg, benchCase.tool)) : NaN;
    const toolOwnMs = await median(() => withSetting("off", benchCase.tool));
    rows.push({ name: benchCase.name, rgMs, toolRgMs, toolOwnMs });
  }
  printRows(rows);
  return rows;
}

async function median(body: () => Promise<unknown>): Promise<number> {
  await body(); // warm-up: file cache, JIT, the worker's first start
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    await body();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

async function withSetting<T>(setting: string, body: () => Promise<T>): Promise<T> {
  const saved = process.env.MIGRATION_AGENT_RIPGREP;
  process.env.MIGRATION_AGENT_RIPGREP = setting;
  try {
    return await body();
  } finally {
    if (saved === undefined) delete process.env.MIGRATION_AGENT_RIPGREP;
    else process.env.MIGRATION_AGENT_RIPGREP = saved;
  }
}

function printRows(rows: ToolBenchRow[]): void {
  const ms = (value: number) => (Number.isNaN(value) ? "-" : `${value.toFixed(0)} ms`);
  const ratio = (value: number, base: number, goal: number) =>
    Number.isNaN(value) || Number.isNaN(base) ? "-" : `${(value / base).toFixed(2)}x${value / base <= goal ? "" : " (over goal)"}`;
  console.log(["case", "rg alone", "tool+rg", "ratio", "tool+own", "ratio"].join(" | "));
  for (const row of rows) {
    console.log(
      [
        row.name,
        ms(row.rgMs),
        ms(row.toolRgMs),
        ratio(row.toolRgMs, row.rgMs, GOAL_WITH_RG),
        ms(row.toolOwnMs),
        ratio(row.toolOwnMs, row.rgMs, GOAL_OWN),
      ].join(" | "),
    );
  }
  console.log(`goals: tool+rg within ${GOAL_WITH_RG}x of rg alone; tool+own within ${GOAL_OWN}x`);
}
