import { createHash } from "node:crypto";
import { posix } from "node:path";
import type { FrameworkId, FrameworkInfo } from "../survey/types.js";

/** A new migration's file names, by the framework's convention, ordered after the latest one. */
export interface NewMigration {
  /** The main file, relative to the repo root. */
  path: string;
  /** Companion files: a down file, a script config. */
  extraPaths: string[];
  className: string;
  /** Django name, Alembic revision, Liquibase changeset id, TypeORM timestamp. */
  id: string;
  /** The same for the migration it follows (for Django dependencies, Alembic down_revision), when known. */
  previousId: string | null;
}

const DEFAULT_DIRS: Record<FrameworkId, string> = {
  rails: "db/migrate", django: "app/migrations", alembic: "alembic/versions", prisma: "prisma/migrations",
  drizzle: "drizzle", knex: "migrations", typeorm: "src/migrations", sequelize: "migrations",
  "node-pg-migrate": "migrations", laravel: "database/migrations", ecto: "priv/repo/migrations",
  "golang-migrate": "migrations", goose: "migrations", dbmate: "db/migrations", flyway: "db/migration",
  liquibase: "db/changelog", efcore: "Migrations", diesel: "migrations", sqlx: "migrations",
};
/** Frameworks whose migration is a folder holding the file. */
const FOLDER_PER_MIGRATION = new Set<FrameworkId>(["prisma", "diesel"]);
const MINUTE = 60_000;

export class MigrationNamer {
  private readonly dir: string;
  private readonly latestBase: string;
  private readonly ext: string | null;
  private time: number;
  private sequence: number | null;
  private readonly width: number;
  private previousId: string | null;

  constructor(private readonly framework: FrameworkInfo, now: Date) {
    const latest = framework.latestMigration;
    const folderStyle = FOLDER_PER_MIGRATION.has(framework.id);
    const latestDir = latest ? posix.dirname(folderStyle ? posix.dirname(latest) : latest) : null;
    this.dir = latestDir ?? framework.migrationsDirs[0] ?? DEFAULT_DIRS[framework.id];
    this.latestBase = latest ? posix.basename(folderStyle ? posix.dirname(latest) : latest) : "";
    this.ext = latest && !folderStyle ? (/\.([a-z]+)$/i.exec(latest)?.[1] ?? null) : null;
    const leading = /^V?(\d+)/.exec(this.latestBase)?.[1] ?? "";
    this.sequence = leading.length > 0 && leading.length <= 8 ? Number(leading) : null;
    this.width = leading.length;
    this.time = Math.max(now.getTime(), (stampToDate(this.latestBase)?.getTime() ?? 0) + MINUTE);
    this.previousId = latest ? (framework.latestRevision ?? previousIdOf(framework.id, this.latestBase)) : null;
  }

  next(slug: string): NewMigration {
    const date = new Date(this.time);
    const stamp = formatStamp(date);
    const ms = String(this.time);
    const seq = this.sequence === null ? null : String(++this.sequence).padStart(Math.max(this.width, 4), "0");
    this.time += MINUTE;
    const className = pascal(slug);
    const kebab = slug.replace(/_/g, "-");
    const d = (name: string) => posix.join(this.dir, name);
    const made = (path: string, id: string, extraPaths: string[] = []): NewMigration => {
      const result = { path, extraPaths, className, id, previousId: this.previousId };
      this.previousId = id;
      return result;
    };
    switch (this.framework.id) {
      case "rails": return made(d(`${stamp}_${slug}.rb`), stamp);
      case "knex": return made(d(`${stamp}_${slug}.${this.ext ?? "js"}`), stamp);
      case "ecto": return made(d(`${stamp}_${slug}.exs`), stamp);
      case "dbmate": return made(d(`${stamp}_${slug}.sql`), stamp);
      case "node-pg-migrate": return made(d(`${ms}_${slug}.${this.ext ?? "js"}`), ms);
      case "sequelize": return made(d(`${stamp}-${kebab}.${this.ext ?? "js"}`), stamp);
      case "typeorm": return made(d(`${ms}-${className}.${this.ext ?? "ts"}`), ms);
      case "prisma": return made(d(`${stamp}_${slug}/migration.sql`), stamp);
      case "laravel": return made(d(`${laravelStamp(stamp)}_${slug}.php`), stamp);
      case "django": {
        const name = `${seq ?? "0001"}_${slug}`;
        return made(d(`${name}.py`), name);
      }
      case "drizzle": return made(d(`${seq ?? "0000"}_${slug}.sql`), seq ?? "0000");
      case "alembic": {
        const revision = createHash("sha1").update(`${slug}:${stamp}`).digest("hex").slice(0, 12);
        return made(d(`${alembicPrefix(this.latestBase, this.framework.latestRevision, date)}${revision}_${slug}.py`), revision);
      }
      case "golang-migrate":
      case "sqlx": {
        const version = seq ?? stamp;
        return made(d(`${version}_${slug}.up.sql`), version, [d(`${version}_${slug}.down.sql`)]);
      }
      case "goose": return made(d(`${seq ?? stamp}_${slug}.sql`), seq ?? stamp);
      case "flyway": {
        const version = this.sequence === null ? stamp : String(this.sequence);
        return made(d(`V${version}__${slug}.sql`), version, [d(`V${version}__${slug}.sql.conf`)]);
      }
      case "liquibase": {
        const id = `${seq ?? stamp}-${kebab}`;
        return made(d(`${id}.${this.ext === "sql" || this.ext === "xml" ? this.ext : "xml"}`), id);
      }
      case "efcore": return made(d(`${stamp}_${className}.cs`), `${stamp}_${className}`);
      case "diesel": {
        const folder = d(`${dieselStamp(stamp)}_${slug}`);
        return made(`${folder}/up.sql`, folder, [`${folder}/down.sql`]);
      }
    }
  }
}

export function pascal(slug: string): string {
  return slug.split(/[_\W]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
}

/**
 * What an alembic.ini `file_template` puts before the revision, as the latest file shows it (`2024_01_01_1200-`,
 * `2024-01-01-12.00.00_`), with this migration's date in place of the latest's; empty for the default template.
 */
function alembicPrefix(latestBase: string, latestRevision: string | undefined, date: Date): string {
  const at = latestRevision ? latestBase.indexOf(latestRevision) : -1;
  if (at <= 0) return "";
  const parts = formatStamp(date);
  // Each run of digits is the date parts it is as long as, in order: 2024 | 01 | 01 | 1200 or 20240101 | 120000.
  let used = 0;
  return latestBase.slice(0, at).replace(/\d+/g, (digits) => {
    const part = parts.slice(used, used + digits.length);
    used += digits.length;
    return part.length === digits.length ? part : digits;
  });
}

function formatStamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

function laravelStamp(stamp: string): string {
  return `${stamp.slice(0, 4)}_${stamp.slice(4, 6)}_${stamp.slice(6, 8)}_${stamp.slice(8)}`;
}

function dieselStamp(stamp: string): string {
  return `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}-${stamp.slice(8)}`;
}

/** A leading 14-digit timestamp (also Laravel's `2024_01_02_030405`), as a date. */
function stampToDate(base: string): Date | null {
  const digits = /^(\d{4})[_-]?(\d{2})[_-]?(\d{2})[_-]?(\d{2})(\d{2})(\d{2})/.exec(base);
  if (!digits) return null;
  const [, y, mo, da, h, mi, s] = digits;
  const date = new Date(`${y}-${mo}-${da}T${h}:${mi}:${s}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

function previousIdOf(id: FrameworkId, base: string): string | null {
  const stem = base.replace(/\.[a-z]+$/i, "");
  if (id === "django") return stem;
  if (id === "alembic") return /^([0-9a-f]+)_/.exec(base)?.[1] ?? null;
  return stem;
}
