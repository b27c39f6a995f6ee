/**
 * node-sql-parser, for MySQL/MariaDB and SQLite: loaded on first use, once. Its AST is loosely typed
 * (`any` in its own typings); the readers here check each field they use.
 */
import type { SqlDialect } from "../../model/schema.js";

export type NspDialect = Exclude<SqlDialect, "postgres">;

/** An AST node as node-sql-parser gives it. */
export type Ast = any;

export interface NspParser {
  dialect: NspDialect;
  /** One statement's AST; throws the parser's error when it cannot read it. */
  parse(sql: string): Ast[];
  /** An expression node back as SQL, quoted as the dialect quotes. */
  expr(node: Ast): string;
}

let loading: Promise<typeof import("node-sql-parser")> | undefined;

/** A parser for `dialect`; `grammar` picks another of node-sql-parser's grammars to read it with (see sqlite/read.ts). */
export async function loadNsp(dialect: NspDialect, grammar: NspDialect = dialect): Promise<NspParser> {
  const module = await (loading ??= import("node-sql-parser"));
  const Parser = module.Parser ?? (module as unknown as { default: typeof module }).default.Parser;
  const parser = new Parser();
  // Its MySQL grammar reads more MariaDB DDL than its MariaDB grammar does (ADD PRIMARY KEY, UPDATE … LIMIT).
  const options = { database: dialect };
  return {
    dialect,
    parse(sql) {
      const ast = parser.astify(sql, { database: grammar });
      return Array.isArray(ast) ? ast : [ast];
    },
    expr: (node) => parser.exprToSQL(node, options),
  };
}
