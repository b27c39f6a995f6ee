import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { packageFile } from "../src/paths.js";

/** How many times each command runs; the median of the runs is what counts. */
export const STARTUP_RUNS = 21;
/** The budget of the brief: `--help` within 4x of a bare `node -e 0`. */
export const STARTUP_RATIO_LIMIT = 4;

export interface StartupMeasure {
  runs: number;
  nodeMs: number;
  helpMs: number;
  ratio: number;
}

function timeMs(args: string[]): number {
  const start = process.hrtime.bigint();
  const outcome = spawnSync(process.execPath, args, { stdio: "ignore" });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (outcome.status !== 0) throw new Error(`node ${args.join(" ")} exited with ${outcome.status}`);
  return elapsed;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * `migration-agent --help` start-up time against a bare `node -e 0`, both measured in this run and
 * interleaved, so a busy machine slows both alike. Needs the built CLI (dist/src/bin.js).
 */
export function measureStartup(runs = STARTUP_RUNS): StartupMeasure {
  const bin = packageFile("dist", "src", "bin.js");
  const node: number[] = [];
  const help: number[] = [];
  timeMs(["-e", "0"]);
  timeMs([bin, "--help"]);
  for (let i = 0; i < runs; i++) {
    node.push(timeMs(["-e", "0"]));
    help.push(timeMs([bin, "--help"]));
  }
  const nodeMs = median(node);
  const helpMs = median(help);
  return { runs, nodeMs, helpMs, ratio: helpMs / nodeMs };
}

export function formatStartup(measure: StartupMeasure): string {
  const verdict = measure.ratio <= STARTUP_RATIO_LIMIT ? "within" : "over";
  return `--help start-up: ${measure.helpMs.toFixed(1)} ms vs node -e 0 ${measure.nodeMs.toFixed(1)} ms = ${measure.ratio.toFixed(2)}x (median of ${measure.runs}; ${verdict} the ${STARTUP_RATIO_LIMIT}x limit)`;
}

/** The bench of bench/run.ts: needs no tree, prints its line, returns the figures. */
export async function benchStartup(): Promise<StartupMeasure> {
  const measure = measureStartup();
  console.log(formatStartup(measure));
  return measure;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchStartup();
