import { z } from "zod";
import { UsageError } from "../errors.js";
import type { PlanMigrationOptions } from "../types.js";

const text = (what: string) => z.string({ error: `${what} must be text.` }).trim().min(1, { error: `${what} must not be empty.` });

/** planMigration's options; each message is the one sentence a caller sees. */
const optionsSchema = z.object({
  task: z
    .string({ error: "Give a task: the change to plan, in words." })
    .trim()
    .min(1, { error: "Give a task: the change to plan, in words." }),
  repo: text("The repository (--repo)").optional(),
  out: text("The plan file (--out)").optional(),
  model: text("The model (--model)").optional(),
  maxTurns: z
    .number({ error: "The turn limit (--max-turns) must be a whole number of at least 1." })
    .int({ error: "The turn limit (--max-turns) must be a whole number of at least 1." })
    .min(1, { error: "The turn limit (--max-turns) must be a whole number of at least 1." })
    .optional(),
  maxBudgetUsd: z
    .number({ error: "The budget (--max-budget-usd) must be a positive number of US dollars." })
    .positive({ error: "The budget (--max-budget-usd) must be a positive number of US dollars." })
    .refine(Number.isFinite, { error: "The budget (--max-budget-usd) must be a positive number of US dollars." })
    .optional(),
  allowWrite: z.array(text("Each --allow-write glob"), { error: "The write globs (--allow-write) must be a list of globs." }).optional(),
  transcript: text("The transcript file (--transcript)").optional(),
  offline: z.boolean({ error: "offline must be true or false." }).optional(),
  signal: z.custom<AbortSignal>((value) => value instanceof AbortSignal, { error: "signal must be an AbortSignal." }).optional(),
  onEvent: z
    .custom<PlanMigrationOptions["onEvent"]>((value) => typeof value === "function", { error: "onEvent must be a function." })
    .optional(),
  apiKey: text("The API key").optional(),
  authToken: text("The auth token").optional(),
  baseURL: z.url({ protocol: /^https?$/, error: "The API base URL must be an http or https URL." }).optional(),
  env: z.record(z.string(), z.string().optional(), { error: "env must map names to text." }).optional(),
});

/** Checks a caller's options and returns them trimmed; the first problem becomes a UsageError. */
export function validateOptions(options: unknown): PlanMigrationOptions {
  if (typeof options !== "object" || options === null) throw new UsageError("planMigration takes an options object with a task.");
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? "The options are not valid.");
  return parsed.data as PlanMigrationOptions;
}
