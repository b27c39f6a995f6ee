import type { DatabaseEngine } from "../survey/types.js";

/** The engines whose DDL differs enough to need their own rules and patterns; everything else is generic. */
export type Dialect = "postgres" | "mysql" | "sqlite" | "generic";

export function dialectOf(engine: DatabaseEngine): Dialect {
  if (engine === "postgres") return "postgres";
  if (engine === "mysql" || engine === "mariadb") return "mysql";
  if (engine === "sqlite") return "sqlite";
  return "generic";
}
