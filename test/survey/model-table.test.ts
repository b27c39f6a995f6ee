import { describe, expect, it } from "vitest";
import { surveyTempRepos } from "../helpers/survey-temp-repo.js";

const surveyOf = surveyTempRepos();
const tableFor = async (files: Record<string, string>, task: string) => (await surveyOf(files, task)).task.table;

const PRISMA_PACKAGE = '{ "dependencies": { "@prisma/client": "^5.0.0" }, "devDependencies": { "prisma": "^5.0.0" } }\n';
const DATASOURCE = 'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n\n';
const DJANGO = { "manage.py": "import django\n", "shop/__init__.py": "", "shop/migrations/__init__.py": "", "shop/migrations/0001_initial.py": "from django.db import migrations\n\n\nclass Migration(migrations.Migration):\n    operations = []\n" };

describe("the table of a model the task names", () => {
  it("Prisma: the model's own name, or its @@map", async () => {
    const schema = `${DATASOURCE}model User {\n  id    Int    @id\n  email String\n}\n\nmodel Website {\n  id     Int    @id\n  shareId String @map("share_id")\n\n  @@map("website")\n}\n`;
    const files = { "package.json": PRISMA_PACKAGE, "prisma/schema.prisma": schema };
    expect(await tableFor(files, "make User.email NOT NULL")).toBe("User");
    expect(await tableFor(files, "make Website.shareId NOT NULL")).toBe("website");
  });

  it("Django: <app>_<model> in lower case, or the Meta's db_table", async () => {
    const models = "from django.db import models\n\n\nclass GiftCard(models.Model):\n    code = models.CharField(max_length=16)\n\n\nclass Order(models.Model):\n    number = models.CharField(max_length=20)\n\n    class Meta:\n        db_table = \"orders\"\n";
    const files = { ...DJANGO, "shop/models.py": models };
    expect(await tableFor(files, "make GiftCard.code NOT NULL")).toBe("shop_giftcard");
    expect(await tableFor(files, "make Order.number NOT NULL")).toBe("orders");
  });

  it("SQLAlchemy: __tablename__", async () => {
    const models = "from sqlalchemy.orm import Mapped, mapped_column\n\n\nclass CookBook(Base):\n    __tablename__ = \"cookbook\"\n    id: Mapped[int] = mapped_column(primary_key=True)\n    title: Mapped[str]\n";
    const files = { "alembic.ini": "[alembic]\nscript_location = migrations\n", "migrations/env.py": "", "app/models.py": models };
    expect(await tableFor(files, "make CookBook.title NOT NULL")).toBe("cookbook");
  });

  it("TypeORM: @Entity() snake-cases the class, @Entity(\"…\") names the table", async () => {
    const entities = {
      "package.json": '{ "dependencies": { "typeorm": "^0.3.0" } }\n',
      "src/entity/UserProfile.ts": 'import { Entity, Column } from "typeorm";\n\n@Entity()\nexport class UserProfile {\n  @Column()\n  bio: string;\n}\n',
      "src/entity/Account.ts": 'import { Entity, Column } from "typeorm";\n\n@Entity("accounts")\nexport class Account {\n  @Column()\n  name: string;\n}\n',
    };
    expect(await tableFor(entities, "make UserProfile.bio NOT NULL")).toBe("user_profile");
    expect(await tableFor(entities, "make Account.name NOT NULL")).toBe("accounts");
  });

  it("Sequelize pluralizes the model as written; Rails pluralizes in snake case", async () => {
    const sequelize = {
      "package.json": '{ "dependencies": { "sequelize": "^6.0.0" }, "devDependencies": { "sequelize-cli": "^6.0.0" } }\n',
      "migrations/20240101000000-create-user.js": "module.exports = { up: async (queryInterface, Sequelize) => { await queryInterface.createTable('Users', { email: Sequelize.STRING }); } };\n",
      "models/user.js": "module.exports = (sequelize, DataTypes) => {\n  class User extends Model {}\n  User.init({ email: DataTypes.STRING }, { sequelize });\n  return User;\n};\n",
    };
    expect(await tableFor(sequelize, "make User.email NOT NULL")).toBe("Users");
    const rails = { Gemfile: 'gem "rails", "~> 7.1"\n', "app/models/line_item.rb": "class LineItem < ApplicationRecord\nend\n" };
    expect(await tableFor(rails, "make LineItem.quantity NOT NULL")).toBe("line_items");
  });

  it("Ecto: the schema's table", async () => {
    const files = { "mix.exs": "defp deps do\n  [{:ecto_sql, \"~> 3.10\"}]\nend\n", "lib/app/accounts/user.ex": "defmodule App.Accounts.User do\n  use Ecto.Schema\n\n  schema \"accounts\" do\n    field :email, :string\n  end\nend\n" };
    expect(await tableFor(files, "make User.email NOT NULL")).toBe("accounts");
  });
});

describe("a Django table named <app>_<model>", () => {
  it("is the model class of that name in any case: giftcard_giftcard is GiftCard", async () => {
    const models = "from django.db import models\n\n\nclass GiftCard(models.Model):\n    code = models.CharField(max_length=16, null=True)\n";
    const other = "from django.db import models\n\n\nclass Voucher(models.Model):\n    code = models.CharField(max_length=16)\n";
    const migration = "from django.db import migrations\n\n\nclass Migration(migrations.Migration):\n    operations = []\n";
    const files = {
      "manage.py": "import django\n",
      "shop/giftcard/__init__.py": "", "shop/giftcard/models.py": models, "shop/giftcard/migrations/__init__.py": "", "shop/giftcard/migrations/0001_initial.py": migration,
      "shop/discount/__init__.py": "", "shop/discount/models.py": other, "shop/discount/migrations/__init__.py": "", "shop/discount/migrations/0001_initial.py": migration,
      "shop/giftcard/utils.py": "from .models import GiftCard\n\n\ndef find(code):\n    return GiftCard.objects.filter(code=code).first()\n",
    };
    const result = await surveyOf(files, "make giftcard_giftcard.code NOT NULL");
    expect(result.column?.declarations.map((d) => d.path)).toEqual(["shop/giftcard/models.py"]);
    expect(result.references.code.map((r) => r.path)).toContain("shop/giftcard/utils.py");
  });
});
