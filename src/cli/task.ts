import { InterruptedError, UsageError } from "../errors.js";

export const NO_TASK_MESSAGE =
  'No task given: say what to migrate, e.g. migration-agent "rename users.email to users.email_address" (see --help).';

async function readAll(input: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

/** Ctrl-C while we wait for a person to type the task must not wait for the end of their input. */
function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const stop = () => reject(new InterruptedError("Interrupted while reading the task from standard input."));
    if (signal.aborted) stop();
    else signal.addEventListener("abort", stop, { once: true });
  });
}

/** The task from its words (joined by spaces), or from standard input when the only word is `-`. */
export async function resolveTask(words: string[], stdin: NodeJS.ReadableStream, signal: AbortSignal): Promise<string> {
  const fromStdin = words.length === 1 && words[0] === "-";
  const raw = fromStdin ? await Promise.race([readAll(stdin), untilAborted(signal)]) : words.join(" ");
  const task = raw.trim();
  if (task === "") throw new UsageError(fromStdin ? `Standard input held no task. ${NO_TASK_MESSAGE}` : NO_TASK_MESSAGE);
  return task;
}
