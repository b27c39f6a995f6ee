/**
 * goose SQL migrations: `-- +goose Up` / `-- +goose Down` sections, `StatementBegin`/`StatementEnd` around a
 * statement with semicolons inside, `-- +goose NO TRANSACTION` to run outside the transaction goose otherwise
 * opens. Annotations are read line by line, as goose reads them; the SQL between them by the dialect's parser.
 * Go-function migrations (`.go`) are listed as unreadable: their SQL is built at run time.
 */
import type { Migration } from "../../model/operations.js";
import type { FrameworkReader } from "../reader.js";
import { leadingVersion, onlyLines, readEach, readSqlOps } from "../sql-file.js";

const ANNOTATION = /^--\s*\+goose\s+(.+?)\s*$/i;

export const gooseReader: FrameworkReader = {
  readMigrations(paths, context) {
    return readEach(paths, async (path, unreadable) => {
      if (!path.endsWith(".sql")) {
        unreadable.push({ path, message: "a goose Go migration: its SQL is built in Go at run time and is not read" });
        return null;
      }
      const text = await context.readText(path);
      const lines = text.split("\n");
      const section: ("up" | "down" | null)[] = [];
      let current: "up" | "down" | null = null;
      let optOut: Migration["optOut"];
      lines.forEach((line, i) => {
        const annotation = ANNOTATION.exec(line.trim())?.[1]?.toUpperCase();
        if (annotation === "UP") current = "up";
        else if (annotation === "DOWN") current = "down";
        else if (annotation === "NO TRANSACTION") optOut = { path, line: i + 1 };
        section.push(annotation ? null : current);
      });
      const hasDown = section.includes("down");
      return {
        path,
        framework: "goose",
        version: leadingVersion(path),
        transaction: optOut ? "none" : "wrapped",
        ...(optOut ? { optOut } : {}),
        up: await readSqlOps(onlyLines(text, (i) => section[i] === "up"), context.dialect, path, unreadable),
        down: hasDown ? await readSqlOps(onlyLines(text, (i) => section[i] === "down"), context.dialect, path, unreadable) : null,
      };
    });
  },
};
