import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { survey } from "../../src/survey/index.js";
import type { Survey } from "../../src/survey/types.js";
import { makeTempRepo, type TempRepo } from "../helpers/temp-repo.js";

const APPS = join(import.meta.dirname, "../fixtures/apps");

describe("a monorepo with a Rails API and a Prisma service side by side", () => {
  let repo: TempRepo;
  let result: Survey;
  beforeAll(async () => {
    repo = await makeTempRepo({ "package.json": '{ "private": true, "workspaces": ["services/*"] }\n' }, {
      copy: {
        "apps/api": join(APPS, "rails"),
        "services/accounts": join(APPS, "prisma"),
      },
    });
    result = await survey(repo.root, "rename users.email to users.email_address");
  });
  afterAll(() => repo.cleanup());

  it("detects both frameworks, each with its own migrations folder", () => {
    const byId = new Map(result.frameworks.map((f) => [f.id, f]));
    expect(byId.get("rails")?.migrationsDirs).toEqual(["apps/api/db/migrate"]);
    expect(byId.get("prisma")?.migrationsDirs).toEqual(["services/accounts/prisma/migrations"]);
    expect(byId.get("rails")?.latestMigration).toBe("apps/api/db/migrate/20240310120000_create_newsletter_subscriptions.rb");
  });

  it("runs each framework's commands from its own folder", () => {
    const rails = result.frameworks.find((f) => f.id === "rails")!;
    const prisma = result.frameworks.find((f) => f.id === "prisma")!;
    expect(rails.commands.run).toBe("cd apps/api && bin/rails db:migrate");
    expect(prisma.commands.run).toBe("cd services/accounts && npx prisma migrate deploy");
    expect(rails.newMigration.example).toMatch(/^apps\/api\/db\/migrate\/\d{14}_rename_users_email_to_email_address\.rb$/);
  });

  it("finds the column's history and references in both apps", () => {
    const history = result.history.map((h) => h.path);
    expect(history).toContain("apps/api/db/migrate/20240101120000_create_users.rb");
    expect(history).toContain("services/accounts/prisma/migrations/20240105100000_init/migration.sql");
    const code = result.references.code.map((r) => r.path);
    expect(code).toContain("apps/api/app/serializers/user_serializer.rb");
    expect(code).toContain("services/accounts/src/users/user.repository.ts");
    const apart = result.references.sameNameOrUnclear.map((r) => r.path);
    expect(apart).toContain("apps/api/app/models/newsletter_subscription.rb");
    expect(code).not.toContain("services/accounts/src/newsletter/subscribe.ts");
  });
});

describe("a Django app whose table keeps Django's default name", () => {
  it("maps accounts_user to the model User of the app accounts", async () => {
    const repo = await makeTempRepo({
      "manage.py": "",
      "accounts/models.py": "from django.db import models\n\n\nclass User(models.Model):\n    email = models.EmailField()\n\n\nclass Invite(models.Model):\n    email = models.EmailField()\n",
      "accounts/migrations/0001_initial.py": 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    operations = [\n        migrations.CreateModel(\n            name="User",\n            fields=[("email", models.EmailField())],\n        ),\n        migrations.CreateModel(\n            name="Invite",\n            fields=[("email", models.EmailField())],\n        ),\n    ]\n',
    });
    try {
      const result = await survey(repo.root, "rename accounts_user.email to email_address");
      expect(result.column?.declarations.map((d) => `${d.path}:${d.line}`)).toEqual(["accounts/models.py:5"]);
      expect(result.references.sameNameOrUnclear.map((r) => `${r.path}:${r.line}`)).toContain("accounts/models.py:9");
    } finally {
      await repo.cleanup();
    }
  });
});
