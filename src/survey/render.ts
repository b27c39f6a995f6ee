/**
 * The survey as compact, cited text for the model's first message: counts and the most telling
 * references, never all of them, within a bound; it says what was left out and what it could not see.
 */
import { DEFAULT_RENDER_CHARS, RENDER_REFS_PER_AREA } from "./constants.js";
import { redactCredentials } from "./redact.js";
import type { Cite, Reference, Survey } from "./types.js";

const at = (c: Cite) => (c.line ? `${c.path}:${c.line}` : c.path);

export function renderSurveyForModel(survey: Survey, options: { maxChars?: number } = {}): string {
  const maxChars = options.maxChars ?? DEFAULT_RENDER_CHARS;
  for (let perArea = RENDER_REFS_PER_AREA; perArea >= 0; perArea = perArea > 3 ? Math.floor(perArea / 2) : perArea - 1) {
    const text = redactCredentials(render(survey, perArea));
    if (text.length <= maxChars) return text;
  }
  const marker = "\n(survey cut to fit; use Grep and Read for the rest)";
  return redactCredentials(render(survey, 0)).slice(0, Math.max(0, maxChars - marker.length)) + marker;
}

function render(s: Survey, perArea: number): string {
  const out: string[] = ["# Survey of the repository (found by a program from the files; cite these paths)", ""];
  out.push(...taskLines(s), "");
  out.push("## Frameworks");
  if (!s.frameworks.length) out.push("- none recognised");
  for (const f of s.frameworks) {
    out.push(`- ${f.name}: migrations in ${f.migrationsDirs.join(", ") || "?"} (${f.migrations.length} files; latest ${f.latestMigration ?? "none"})` +
      (f.schemaFiles.length ? `; schema ${f.schemaFiles.slice(0, 3).join(", ")}` : "; no schema snapshot"));
    out.push(`  new migration: ${f.newMigration.example} (${f.newMigration.convention})`);
    out.push(`  run \`${f.commands.run}\`; rollback \`${f.commands.rollback}\``);
    out.push(`  transactions: ${f.transaction.wrapped ? "wrapped" : "not wrapped"}; opt out: ${f.transaction.optOut}` + (f.safetyTools.length ? `; safety tools: ${f.safetyTools.join(", ")}` : ""));
  }
  const db = s.database;
  out.push("", `## Database: ${db.engine}${db.version ? ` ${db.version}` : " (version not stated)"}${db.evidence.length ? ` — ${db.evidence.slice(0, 3).map(at).join(", ")}` : ""}`);
  if (s.column) {
    const c = s.column;
    out.push("", `## Column ${c.table}.${c.column}`);
    out.push(`- type ${c.type ?? "unknown"}; ${c.nullable === null ? "nullability unknown" : c.nullable ? "nullable" : "NOT NULL"}; default ${c.default ?? "none seen"}`);
    out.push(`- declared at: ${c.declarations.slice(0, 6).map((d) => `${at(d)} \`${d.text ?? ""}\``).join("; ") || "not found"}`);
    out.push(`- names in code: ${c.codeNames.join(", ")}`);
    for (const i of c.indexes.slice(0, 6)) out.push(`- index ${i.name ?? "(unnamed)"}${i.unique ? " UNIQUE" : ""} on (${i.columns.join(", ")}) — ${at(i.where)}`);
    for (const fk of c.foreignKeys.slice(0, 4)) out.push(`- foreign key → ${fk.toTable}${fk.toColumn ? `.${fk.toColumn}` : ""} — ${at(fk.where)}`);
    for (const k of c.constraints.slice(0, 4)) out.push(`- constraint — ${at(k)} \`${k.text ?? ""}\``);
  }
  if (s.table) {
    const t = s.table;
    out.push("", `## Table ${t.table}`);
    if (t.models.length) out.push(`- models: ${t.models.map((m) => `${m.name} (${at(m.where)})`).join(", ")}`);
    if (t.declarations.length) out.push(`- declared at: ${t.declarations.slice(0, 4).map(at).join(", ")}`);
    if (t.columns.length) out.push(`- columns: ${t.columns.slice(0, 40).join(", ")}`);
  }
  if (s.history.length) {
    out.push("", "## History (oldest first)");
    for (const h of s.history.slice(-15)) out.push(`- ${at(h)} \`${h.text ?? ""}\``);
    if (s.history.length > 15) out.push(`- (${s.history.length - 15} older not shown)`);
  }
  out.push("", "## Notes (what the survey could not see or decide)", ...s.notes.map((n) => `- ${n}`));
  out.push(...referenceLines(s, perArea));
  return out.join("\n") + "\n";
}

function taskLines(s: Survey): string[] {
  const t = s.task;
  const target = [t.table ?? t.model, t.column].filter(Boolean).join(".");
  const lines = [`Task: ${t.text}`, `Parsed: ${t.operation}${target ? ` of ${target}` : ""}` +
    (t.newName ? ` → ${t.newName}${t.newNameProposed ? " (name proposed by the survey; change it if another is wanted)" : ""}` : "") +
    (t.newType ? `, new type ${t.newType}` : "") + (t.default ? `, default ${t.default}` : "") +
    (t.flags.concurrently ? ", concurrently" : "") + (t.upgrade ? ` ${t.upgrade.target} ${t.upgrade.from ?? "?"} → ${t.upgrade.to ?? "?"}` : "")];
  if (t.unparsed) lines.push(`Not understood (kept as written): ${t.unparsed}`);
  return lines;
}

function referenceLines(s: Survey, perArea: number): string[] {
  const r = s.references;
  if (!r.counts.files) return [];
  const out = ["", `## References outside migrations: ${r.counts.code} in code, ${r.counts.tests} in tests, ${r.counts.sameNameOrUnclear} same name on another table or unclear (${r.counts.files} files)`];
  const byArea = new Map<string, Reference[]>();
  for (const ref of r.code) byArea.set(ref.area, [...(byArea.get(ref.area) ?? []), ref]);
  for (const [area, refs] of byArea) out.push(...group(area, refs, perArea));
  out.push(...group("tests", r.tests, perArea));
  out.push(...group("same name, other table or unclear", r.sameNameOrUnclear, perArea));
  return out;
}

/** References grouped by file (`path:3,9,12`), most-hit files first, at most `limit` files shown. */
function group(title: string, refs: Reference[], limit: number): string[] {
  if (!refs.length) return [];
  const files = new Map<string, Reference[]>();
  for (const ref of refs) files.set(ref.path, [...(files.get(ref.path) ?? []), ref]);
  const ranked = [...files].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  const lines = [`### ${title}: ${refs.length} in ${files.size} files`];
  for (const [path, hits] of ranked.slice(0, limit)) {
    const first = hits[0]!;
    lines.push(`- ${path}:${hits.slice(0, 8).map((h) => h.line).join(",")}${hits.length > 8 ? ",…" : ""} \`${(first.text ?? "").slice(0, 100)}\``);
  }
  if (files.size > limit) lines.push(`- … and ${files.size - limit} more files (the plan lists them all)`);
  return lines;
}
