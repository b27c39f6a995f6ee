import { redactCredentials } from "../survey/redact.js";
import type { Cite, Reference, ReferenceArea, Survey } from "../survey/types.js";

const AREA_NAMES: Record<ReferenceArea, string> = {
  models: "Models", queries: "Queries and raw SQL", serializers: "Serializers and API types", views: "Views and templates",
  controllers: "Controllers and API handlers",
  jobs: "Jobs", frontend: "Frontend", fixtures: "Fixtures and seeds", config: "Config", other: "Other code",
};

/** `path:line` with every other line of the same file after it, so a reader sees each use. */
export function citeFile(path: string, lines: number[]): string {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  if (sorted.length === 0) return `\`${path}\``;
  const [first, ...rest] = sorted;
  return `\`${path}:${first}\`${rest.length ? ` (also ${rest.length === 1 ? "line" : "lines"} ${rest.join(", ")})` : ""}`;
}

export function cite(c: Cite): string {
  if (c.line === undefined) return `\`${c.path}\``;
  return c.endLine !== undefined && c.endLine > c.line ? `\`${c.path}:${c.line}-${c.endLine}\`` : `\`${c.path}:${c.line}\``;
}

/** A cited line with its text, redacted: never a credential in the plan. */
export function citeWithText(c: Cite): string {
  return c.text ? `${cite(c)}: \`${redactCredentials(c.text).replace(/`/g, "'").slice(0, 160)}\`` : cite(c);
}

function byFile(refs: Reference[]): Map<string, Reference[]> {
  const files = new Map<string, Reference[]>();
  for (const ref of refs) files.set(ref.path, [...(files.get(ref.path) ?? []), ref]);
  return files;
}

function fileLines(refs: Reference[]): string[] {
  return [...byFile(refs)].map(([path, uses]) => {
    const names = [...new Set(uses.map((u) => u.name))].join(", ");
    return `- ${citeFile(path, uses.flatMap((u) => (u.line === undefined ? [] : [u.line])))} — ${uses.length} use${uses.length === 1 ? "" : "s"} (${names})`;
  });
}

/** Every file that references the column, by area, tests apart, the unclear ones apart as "check". */
export function referenceLists(survey: Survey): string[] {
  const { code, tests, sameNameOrUnclear } = survey.references;
  const lines: string[] = [];
  const areas = [...new Set(code.map((r) => r.area))];
  for (const area of areas) {
    lines.push(`**${AREA_NAMES[area]}:**`, ...fileLines(code.filter((r) => r.area === area)), "");
  }
  if (code.length === 0) lines.push("No code outside migrations references it by any of the names searched.", "");
  lines.push(tests.length ? "**Tests:**" : "**Tests:** none found that reference it.", ...fileLines(tests), "");
  if (sameNameOrUnclear.length) {
    lines.push("**Check (the same name on another table, or unclear which table):**", ...fileLines(sameNameOrUnclear), "");
  }
  return lines;
}
