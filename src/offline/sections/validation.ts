import type { PlanContext } from "../context.js";
import { citeFile } from "../code-changes.js";
import type { Pattern } from "../patterns/pattern.js";

/** Validation: SQL for this database that proves each step worked, then the repo's own tests that touch the column. */
export function validation(ctx: PlanContext, pattern: Pattern): string {
  const lines: string[] = [];
  for (const check of pattern.validation) {
    const title = check.title.replace(/\.$/, "");
    lines.push(`- ${title}${check.sql ? ":" : "."}`);
    if (check.sql) lines.push("", "  ```sql", ...check.sql.split("\n").map((l) => `  ${l}`), "  ```", "");
  }
  const tests = new Map<string, number[]>();
  for (const ref of ctx.survey.references.tests) {
    tests.set(ref.path, [...(tests.get(ref.path) ?? []), ...(ref.line === undefined ? [] : [ref.line])]);
  }
  if (tests.size) {
    lines.push("", "Run the repo's tests that touch the column after each deploy (update them with the code):", "",
      ...[...tests].map(([path, refLines]) => `- ${citeFile(path, refLines)}`));
  } else if (ctx.survey.task.operation !== "upgrade" && ctx.survey.task.operation !== "unknown") {
    lines.push("", "No test in the repo references the column: add one that reads and writes it through the model before deploy 1, so each deploy is checked.");
  }
  return lines.join("\n").trim();
}
