/**
 * A plan step's text cut into what the checks read: SQL statements (split at `;` and blank lines, whitespace
 * collapsed) and single lines (for framework DSL calls, one per line). Prose rides along but rarely has the
 * shape of a statement, which is what the checks look for.
 */
export interface StepText {
  n: number;
  /** The whole step, whitespace collapsed. */
  flat: string;
  statements: string[];
  lines: string[];
}

/** Where a migration's undo part starts, in each framework's syntax: checks read what runs forward only. */
const DOWN_START = /^\s*(def down\b|def downgrade\b|reverse_sql\s*=|exports\.down\b|export async function down\b|(public\s+)?(async\s+)?(function\s+)?down\s*\(|-- \+goose Down|-- migrate:down|<rollback>|--\s*rollback\b|--\s*down\b|protected override void Down\b)/i;
const FENCE = /^\s*(```|~~~)/;

function forwardOnly(text: string): string {
  const kept: string[] = [];
  let inFence = false;
  let skipping = false;
  let previous = "";
  for (const line of text.split("\n")) {
    if (FENCE.test(line)) {
      if (!inFence) skipping = /down\.sql|\bdown\b[^`]*\.sql/i.test(previous);
      inFence = !inFence;
      if (!inFence) skipping = false;
      kept.push(line);
      continue;
    }
    if (inFence && DOWN_START.test(line)) skipping = true;
    if (!skipping) kept.push(line);
    if (line.trim()) previous = line;
  }
  return kept.join("\n");
}

export function stepText(n: number, fullText: string): StepText {
  const text = forwardOnly(fullText);
  const collapse = (s: string) => s.replace(/\s+/g, " ").trim();
  return {
    n,
    flat: collapse(text),
    statements: text.split(/;|\n\s*\n/).map(collapse).filter(Boolean),
    lines: text.split("\n").map((l) => l.trim()).filter(Boolean),
  };
}

/** The table a statement or DSL call names: `ON users (`, `ALTER TABLE users`, `add_index :users`, `'users'`. */
export function tableIn(text: string): string | null {
  const patterns = [
    /\bON\s+(?:ONLY\s+)?["`]?([\w.]+)["`]?\s*(?:USING\s+\w+\s*)?\(/i,
    /\bALTER\s+TABLE\s+(?:ONLY\s+)?(?:IF\s+EXISTS\s+)?["`]?([\w.]+)["`]?/i,
    /\b(?:add_index|remove_index|add_foreign_key|add_check_constraint|change_column_null|change_column|remove_column|rename_column|add_column|add_reference)\s*\(?\s*[:"']([\w]+)/,
    /\b(?:index|table)\(\s*:(\w+)/,
    /\b(?:alterTable|table|create_index|drop_column|alter_column|create_foreign_key)\(\s*(?:["'][\w]+["']\s*,\s*)?["'](\w+)["']/,
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match?.[1]) return match[1].replace(/^public\./, "");
  }
  return null;
}

/** Tables the plan creates at or before step n: indexes and constraints on them need no ceremony. */
export function createdTables(steps: StepText[], upTo: number): Set<string> {
  const created = new Set<string>();
  const pattern = /\b(?:CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?["`]?([\w.]+)|create_table\s*\(?\s*[:"'](\w+)|createTable\(\s*["'](\w+)|create_table\(\s*["'](\w+)|Schema::create\(\s*["'](\w+)|create\s+table\(:(\w+))/gi;
  for (const step of steps) {
    if (step.n > upTo) continue;
    for (const match of step.flat.matchAll(pattern)) {
      const name = match.slice(1).find(Boolean);
      if (name) created.add(name.replace(/^public\./, "").toLowerCase());
    }
  }
  return created;
}
