/**
 * The database engine and version, from what the repo says: framework config first (its clues come
 * from the framework modules), then DATABASE_URL in example env files, JDBC URLs, and the
 * docker-compose image, whose tag gives the version (`postgres:16` → 16); failing all those, the driver
 * the app depends on. Secret files are not in
 * the file list, so they are never read here.
 */
import type { Cite, DatabaseEngine, DatabaseInfo } from "../types.js";
import type { RepoView } from "../repo-view.js";
import type { DatabaseClue } from "../frameworks/types.js";
import { engineFromWord, matching } from "../frameworks/common.js";
import { redactCredentials } from "../redact.js";
import { EXAMPLE_ENV_PATH } from "../../workspace/secret-files.js";
import { DRIVER_MANIFESTS, engineOfDriver } from "./driver-deps.js";

const DATABASE_YML = /(^|\/)config\/database\.ya?ml$/;
const ADAPTER = /^\s*adapter:\s*["']?(\w+)/;
const COMPOSE = /(^|\/)(docker-)?compose[\w.-]*\.ya?ml$/;
const IMAGE = /^\s*-?\s*image:\s*["']?(?:[\w.-]+\/)*(postgres|postgis|timescaledb(?:-ha)?|mysql|mariadb|mcr\.microsoft\.com\/mssql\/server|mssql\/server)(?::(\d+(?:\.\d+)?)[\w.-]*)?/i;
const ENV_EXAMPLE = new RegExp(`${EXAMPLE_ENV_PATH.source}|(^|\\/)(example|sample)\\.env$`);
const DATABASE_URL = /^\s*(?:export\s+)?\w*DATABASE_URL\w*\s*=\s*["']?([a-z0-9+]+):\/\//i;
const JDBC = /jdbc:(postgresql|mysql|mariadb|sqlserver|oracle|sqlite|h2)[:/]/i;
const JDBC_FILES = /(^|\/)(application[\w-]*\.(properties|ya?ml)|flyway\.(conf|toml)|liquibase\.properties|pom\.xml|build\.gradle(\.kts)?|persistence\.xml)$/;

export async function detectDatabase(repo: RepoView, frameworkClues: DatabaseClue[]): Promise<DatabaseInfo> {
  const clues = [...frameworkClues];
  // Rails apps say it in database.yml even before they have migrations.
  for (const path of matching(repo, DATABASE_YML)) clues.push(...(await cluesIn(repo, path, ADAPTER)).slice(0, 1));
  for (const path of matching(repo, ENV_EXAMPLE)) clues.push(...(await cluesIn(repo, path, DATABASE_URL)));
  for (const path of matching(repo, JDBC_FILES)) clues.push(...(await cluesIn(repo, path, JDBC)));
  const images = [];
  for (const path of matching(repo, COMPOSE)) images.push(...(await cluesIn(repo, path, IMAGE, 2)));
  const drivers: DatabaseClue[] = [];
  if (clues.length === 0 && images.length === 0) {
    for (const manifest of DRIVER_MANIFESTS) {
      for (const path of matching(repo, manifest.file)) drivers.push(...(await cluesIn(repo, path, manifest.line, undefined, engineOfDriver)));
    }
  }
  // An app that depends on a server's driver and on SQLite runs SQLite in development or tests: the server is production's.
  clues.push(...drivers.filter((d) => d.engine !== "sqlite"), ...drivers.filter((d) => d.engine === "sqlite"));
  // Config says `mysql` for MariaDB too (the driver is the same): the image the app runs against tells them apart.
  const said = clues[0]?.engine ?? images[0]?.engine ?? "unknown";
  const engine = said === "mysql" && images.some((i) => i.engine === "mariadb") && !images.some((i) => i.engine === "mysql") ? "mariadb" : said;
  const image = images.find((i) => i.engine === engine && i.version) ?? images.find((i) => i.engine === engine);
  const evidence: Cite[] = [...clues.filter((c) => c.engine === said), ...(image ? [image] : [])].map((c) => ({ ...c.where, text: redactCredentials(c.where.text ?? "") }));
  return { engine, version: image?.version ?? clues.find((c) => c.engine === engine && c.version)?.version ?? null, evidence };
}

async function cluesIn(
  repo: RepoView,
  path: string,
  pattern: RegExp,
  versionGroup?: number,
  engineOf: (word: string) => DatabaseEngine = engineFromWord,
): Promise<DatabaseClue[]> {
  const lines = await repo.lines(path);
  const found: DatabaseClue[] = [];
  lines.forEach((line, index) => {
    const match = pattern.exec(line);
    if (!match?.[1]) return;
    const engine = engineOf(match[1]);
    if (engine === "unknown") return;
    const version = versionGroup ? match[versionGroup] ?? null : null;
    found.push({ engine, version, where: { path, line: index + 1, text: line.trim() } });
  });
  return found;
}
