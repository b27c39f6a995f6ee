/** MySQL/MariaDB text → operations: node-sql-parser's MySQL grammar, then the short statements it lacks. */
import type { Source } from "../../model/schema.js";
import { readWithNsp } from "../nsp/read.js";
import type { SqlRead } from "../sql-read.js";
import { shortStatement } from "./short-statements.js";

export function readMysql(text: string, at: Source): Promise<SqlRead> {
  return readWithNsp(text, "mysql", at, [shortStatement]);
}
