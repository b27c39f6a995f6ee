/**
 * The survey's speed goal (survey.md, "Speed"): on an application of ~5,000 files, a rename's survey within
 * 3x of one `rg -l <column>` over the same tree with the Grep tool's flags. Warm cache, median of 5 each.
 * Measured there (the goal) and on the large shared tree (a stress: hundreds of big files name the column).
 */
import { spawn } from "node:child_process";
import { survey } from "../src/survey/index.js";
import { benchAppTree } from "./app-tree.js";

const RUNS = 5;
const GOAL_RATIO = 3;
const TASK = "rename users.email to users.email_address";
const COLUMN = "email";
/** The Grep tool's ripgrep flags (tools.md), so both sides search the same files. */
const RG_FLAGS = [
  "--hidden", "--no-follow", "--no-require-git", "--no-ignore-global", "--no-ignore-dot", "--no-ignore-exclude",
  "--no-ignore-parent", "--no-config", "--max-filesize", "10M", "--glob", "!.git",
];

export async function benchSurvey(largeTree: string): Promise<void> {
  const app = await benchAppTree();
  await surveyAgainstRg(app.root, `application tree (${app.files} files)`);
  await surveyAgainstRg(largeTree, "large tree (a copy of node_modules)");
}

async function surveyAgainstRg(tree: string, label: string): Promise<void> {
  const rg = process.env.MIGRATION_AGENT_RIPGREP && process.env.MIGRATION_AGENT_RIPGREP !== "off" ? process.env.MIGRATION_AGENT_RIPGREP : "rg";
  const runRg = () => run(rg, ["-l", ...RG_FLAGS, COLUMN, "."], tree);
  const runSurvey = () => survey(tree, TASK).then(() => undefined);
  await runRg();
  await runSurvey();
  const rgTimes: number[] = [];
  const surveyTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    rgTimes.push(await time(runRg));
    surveyTimes.push(await time(runSurvey));
  }
  const rgMedian = median(rgTimes);
  const surveyMedian = median(surveyTimes);
  const ratio = surveyMedian / Math.max(rgMedian, 0.001);
  console.log(
    `survey on the ${label} (${TASK}): ${surveyMedian.toFixed(0)} ms, rg -l ${COLUMN}: ${rgMedian.toFixed(0)} ms, ` +
      `ratio ${ratio.toFixed(2)}x (goal within ${GOAL_RATIO}x) ${ratio <= GOAL_RATIO ? "ok" : "SLOW"} [median of ${RUNS}, warm]`,
  );
}

async function time(action: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await action();
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "ignore", "ignore"] });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 || code === 1 ? resolve() : reject(new Error(`${command} exited with ${code}`))));
  });
}
