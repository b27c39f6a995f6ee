/** The names a table block declares (a create_table, a CREATE TABLE, a model class), as code writes them: for telling tables apart by their other columns. The database names are in table-columns.ts. */

const COLUMN_LINE = /^\s*(?:t\.\w+\s*\(?\s*[:"']|\$table->\w+\(\s*['"]|(?:add|field)\s+:|["'`]?)(\w+)["'`]?\s*(?:[=:]\s*(?:models|sa|db)?\.?\w+\(|\s+(?:[A-Z]\w*|integer|bigint|int|text|varchar|character|boolean|timestamp\w*|uuid|serial|bigserial|date\w*|numeric|decimal|jsonb?)\b|,|$)/i;

/** A Java, Kotlin or C# field: `private String email;`. */
const FIELD_LINE = /^\s*(?:(?:private|protected|public|internal)\s+)+(?:final\s+)?[\w<>?,\s]+?\s+(\w+)\s*(?:[;=]|\{\s*get)/;

/** Column names in the block that an opener starts (a create_table, a model), up to its end. */
export function blockColumns(lines: string[], openerLine: number): string[] {
  const found: string[] = [];
  for (let i = openerLine; i < Math.min(lines.length, openerLine + 80); i++) {
    const line = lines[i] ?? "";
    if (/^\s*(end\b|\}|\);?|\)\s*;|class\s|model\s|create_table|CREATE\s+TABLE)/i.test(line)) break;
    const name = FIELD_LINE.exec(line)?.[1] ?? COLUMN_LINE.exec(line)?.[1];
    if (name && !/^(t|class|def|index|key|constraint|primary|unique|foreign|return|Meta|db_table|fields|options|private|protected|public|static|override|void|function|const|let|var|export|import|use|belongs_to|has_many|has_one|timestamps)$/i.test(name) && !line.trim().startsWith("@@")) found.push(name);
  }
  return [...new Set(found)];
}

