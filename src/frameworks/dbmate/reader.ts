/**
 * dbmate: one file, `-- migrate:up` and `-- migrate:down` sections; `-- migrate:up transaction:false` runs
 * the up section outside the transaction dbmate otherwise opens. The section markers are read line by line,
 * as dbmate reads them; the SQL by the dialect's parser.
 */
import type { Migration } from "../../model/operations.js";
import type { FrameworkReader } from "../reader.js";
import { leadingVersion, onlyLines, readEach, readSqlOps } from "../sql-file.js";

const MARKER = /^--\s*migrate:(up|down)\b(.*)$/i;

export const dbmateReader: FrameworkReader = {
  readMigrations(paths, context) {
    return readEach(paths, async (path, unreadable) => {
      const text = await context.readText(path);
      const section: ("up" | "down" | null)[] = [];
      let current: "up" | "down" | null = null;
      let optOut: Migration["optOut"];
      text.split("\n").forEach((line, i) => {
        const marker = MARKER.exec(line.trim());
        if (marker) {
          current = marker[1]!.toLowerCase() as "up" | "down";
          if (current === "up" && /\btransaction:false\b/i.test(marker[2] ?? "")) optOut = { path, line: i + 1 };
        }
        section.push(marker ? null : current);
      });
      return {
        path,
        framework: "dbmate",
        version: leadingVersion(path),
        transaction: optOut ? "none" : "wrapped",
        ...(optOut ? { optOut } : {}),
        up: await readSqlOps(onlyLines(text, (i) => section[i] === "up"), context.dialect, path, unreadable),
        down: section.includes("down") ? await readSqlOps(onlyLines(text, (i) => section[i] === "down"), context.dialect, path, unreadable) : null,
      };
    });
  },
};
