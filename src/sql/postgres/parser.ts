/**
 * PostgreSQL's own parser (libpg_query compiled to WASM) and pgsql-deparser, which writes a parse-tree node
 * back as SQL (an index expression, a CHECK, a partial index's WHERE). Both load on first use, once per process.
 */
import type { Node, ParseResult } from "libpg-query";

export interface PgParser {
  parse(sql: string): ParseResult;
  deparse(node: Node): string;
}

let loading: Promise<PgParser> | undefined;

export function loadPostgres(): Promise<PgParser> {
  return (loading ??= load());
}

async function load(): Promise<PgParser> {
  const [pg, { Deparser }] = await Promise.all([import("libpg-query"), import("pgsql-deparser")]);
  await pg.loadModule();
  return {
    parse: (sql) => pg.parseSync(sql),
    deparse: (node) => Deparser.deparse(node),
  };
}
