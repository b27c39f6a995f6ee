import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { offlinePlan } from "../../src/offline/plan.js";
import { rootedCommand } from "../../src/offline/rooted-command.js";
import { CITATION_EXTENSIONS } from "../../src/plan/citations.js";
import { checkPlan } from "../../src/plan/check.js";
import { survey } from "../../src/survey/index.js";
import type { Survey } from "../../src/survey/types.js";
import { FIXTURE_APPS_DIR } from "../helpers/survey-fixtures.js";
import { makeTempRepo, type TempRepo } from "../helpers/temp-repo.js";

const NOW = new Date("2026-11-28T12:00:00Z");
const FILE_TOKEN = new RegExp(`(?:^|\\s)([\\w.@+/-]+\\.(?:${CITATION_EXTENSIONS.join("|")}))(?=\\s|$)`, "g");

/** File-like words inside the plan's inline commands (code spans with a space), outside code blocks. */
function commandFiles(markdown: string): string[] {
  let fenced = false;
  const files: string[] = [];
  for (const line of markdown.split("\n")) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    if (fenced) continue;
    for (const span of line.match(/`[^`]*\s[^`]*`/g) ?? []) {
      for (const match of span.slice(1, -1).matchAll(FILE_TOKEN)) files.push(match[1]!);
    }
  }
  return files;
}

describe("the offline plan in a monorepo with Django in a subfolder and a Prisma service", () => {
  let repo: TempRepo;
  let found: Survey;
  let markdown: string;
  beforeAll(async () => {
    repo = await makeTempRepo({ "package.json": '{ "private": true, "workspaces": ["services/*"] }\n' }, {
      copy: {
        backend: join(FIXTURE_APPS_DIR, "django"),
        "services/accounts": join(FIXTURE_APPS_DIR, "prisma"),
      },
    });
    found = await survey(repo.root, "rename users.email to users.email_address");
    markdown = offlinePlan(found, { planPath: "migration-plans/plan.md", now: NOW });
  });
  afterAll(() => repo.cleanup());

  it("writes the migrations for Django, whose commands run from backend/", () => {
    const django = found.frameworks.find((f) => f.id === "django");
    expect(django?.commands.run).toBe("cd backend && python manage.py migrate");
    expect(markdown).toContain("Run: `python backend/manage.py migrate`.");
  });

  it("passes the plan checks", async () => {
    const { errors } = await checkPlan(markdown, repo.root);
    expect(errors).toEqual([]);
  });

  it("names in its commands only files that exist at that path from the repo root", () => {
    const files = commandFiles(markdown);
    expect(files).toContain("backend/manage.py");
    expect(files.filter((file) => !existsSync(join(repo.root, file)))).toEqual([]);
  });
});

describe("a command run from an app folder, as the plan prints it", () => {
  it.each([
    ["cd backend && python manage.py migrate", "python backend/manage.py migrate"],
    ["cd apps/web && python3 -Wa manage.py migrate core 0002", "python3 -Wa apps/web/manage.py migrate core 0002"],
    ["cd api && bin/rails db:migrate", "cd api && bin/rails db:migrate"],
    ["cd services/a && npx prisma migrate deploy", "cd services/a && npx prisma migrate deploy"],
    ["python manage.py migrate", "python manage.py migrate"],
  ])("%s → %s", (command, printed) => {
    expect(rootedCommand(command)).toBe(printed);
  });
});
