import { describe, expect, it } from "vitest";
import { offlinePlan } from "../../src/offline/plan.js";
import { planSection } from "../helpers/survey-builder.js";
import { surveyTempRepos } from "../helpers/survey-temp-repo.js";

const surveyOf = surveyTempRepos();

const version = (revision: string, down: string | null, body: string) =>
  [`"""${revision}"""`, "from alembic import op", "import sqlalchemy as sa", "", `revision = "${revision}"`, `down_revision = ${down ? `"${down}"` : "None"}`, "", "", "def upgrade():", `    ${body}`, ""].join("\n");

describe("Alembic revisions named by a file template", () => {
  it("chains the new migration to the latest file's revision, read from the file, whatever the file is called", async () => {
    const files = {
      "alembic.ini": "[alembic]\nscript_location = migrations\nfile_template = %%(year)d_%%(month).2d_%%(day).2d_%%(hour).2d%%(minute).2d-%%(rev)s_%%(slug)s\n",
      "migrations/env.py": "from alembic import context\n",
      "migrations/versions/2024_01_01_1200-1a2b3c4d5e6f_v2.1_create_users.py": version("1a2b3c4d5e6f", null, 'op.create_table("users", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("email", sa.String(255), nullable=True))'),
      "migrations/versions/2024_02_01_0900-7c8d9e0f1a2b_add_name.py": version("7c8d9e0f1a2b", "1a2b3c4d5e6f", 'op.add_column("users", sa.Column("name", sa.String(80)))'),
    };
    const found = await surveyOf(files, "make users.email NOT NULL");
    const alembic = found.frameworks.find((f) => f.id === "alembic");
    expect(alembic?.migrations).toEqual(["migrations/versions/2024_01_01_1200-1a2b3c4d5e6f_v2.1_create_users.py", "migrations/versions/2024_02_01_0900-7c8d9e0f1a2b_add_name.py"]);
    expect(alembic?.latestRevision).toBe("7c8d9e0f1a2b");
    const steps = planSection(offlinePlan(found, { planPath: "migration-plans/plan.md", now: new Date("2026-11-28T12:00:00Z") }), "Steps");
    const created = [...steps.matchAll(/Create `([^`]+)` \(new\)/g)].map((m) => m[1]!);
    expect(created[0]).toMatch(/^migrations\/versions\/2026_11_28_1200-[0-9a-f]{12}_\w+\.py$/);
    const downs = [...steps.matchAll(/down_revision = (\S+)/g)].map((m) => m[1]);
    expect(downs[0]).toBe('"7c8d9e0f1a2b"');
    expect(downs).not.toContain('"2024"');
  });
});
