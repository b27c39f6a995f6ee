/** Names the database gives what an Alembic operation leaves unnamed. */
import { postgresObjectName } from "../postgres-names.js";
import type { AlembicContext } from "./context.js";

/** The name the database gives an unnamed constraint: PostgreSQL's `<table>_<columns>_<label>`; others vary, so unknown. */
export function unnamed(table: string, columns: string[], label: string, ctx: AlembicContext): string | null {
  return ctx.dialect === "postgres" ? postgresObjectName(table, label === "pkey" ? [] : columns, label) : null;
}

