import { describe, expect, it } from "vitest";
import { identityOf, looseIdentity } from "../../src/survey/schema/target.js";
import { fileContext, whichTable, type Tables } from "../../src/survey/schema/which-table.js";

const others = identityOf("newsletter_subscriptions");
const tables: Tables = {
  target: identityOf("users", "User"),
  others,
  looseOthers: looseIdentity(others),
  columnNames: new Set(["email"]),
  siblings: { target: new Set(["displayname"]), other: new Set(["confirmed"]) },
};

/** The verdict for the first line of `text` that contains `marker`. */
function verdict(path: string, text: string, marker = "email"): string {
  const file = fileContext(path, text, tables);
  const index = file.lines.findIndex((line) => line.includes(marker));
  return whichTable(file, index, "email", tables);
}

describe("which table a use of the column means", () => {
  it("reads the receiver: user.email is the users table", () => {
    expect(verdict("app/x.rb", "def a\n  current_user.email\nend\n")).toBe("target");
    expect(verdict("app/x.rb", "def a\n  subscription.email\nend\n")).toBe("other");
  });

  it("resolves an SQL alias to its table", () => {
    expect(verdict("src/report.ts", "const q = `\n  SELECT n.email\n  FROM newsletter_subscriptions n`;\n")).toBe("other");
    expect(verdict("src/report.ts", "const q = `\n  SELECT u.email\n  FROM users u`;\n")).toBe("target");
  });

  it("uses the enclosing class or model", () => {
    expect(verdict("app/models/a.rb", "class NewsletterSubscription < ApplicationRecord\n  validates :email\nend\n")).toBe("other");
    expect(verdict("app/serializers/a.rb", "class UserSerializer\n  attributes :id, :email\nend\n")).toBe("target");
  });

  it("skips a column-level opener to find the model around it", () => {
    expect(verdict("m/0002.py", 'migrations.AlterField(\n    model_name="user",\n    name="email",\n)\n', 'name="email"')).toBe("target");
  });

  it("falls back on the file's name and folder", () => {
    expect(verdict("src/newsletter/send.ts", "export function send(email: string) {}\n")).toBe("other");
    expect(verdict("src/users/handler.go", "func h(email string) {}\n")).toBe("target");
  });

  it("uses the other columns a file reads when nothing else tells", () => {
    expect(verdict("templates/profile.html", "<h1>{{.DisplayName}}</h1>\n<p>{{.Email}}</p>\n")).toBe("target");
  });

  it("finds the other columns in every spelling, whole names only, and says unclear when both sides show", () => {
    expect(verdict("templates/a.html", "<p>{{ display_name }}</p>\n<p>{{ email }}</p>\n")).toBe("target");
    expect(verdict("templates/b.html", "<p>{{ _displayName }}</p>\n<p>{{ email }}</p>\n")).toBe("target");
    expect(verdict("templates/c.html", "<p>{{ CONFIRMED }}</p>\n<p>{{ email }}</p>\n")).toBe("other");
    expect(verdict("templates/d.html", "<p>{{ unconfirmed }} {{ displaynames }}</p>\n<p>{{ email }}</p>\n")).toBe("unclear");
    expect(verdict("templates/e.html", "<p>{{ displayName }} {{ confirmed }}</p>\n<p>{{ email }}</p>\n")).toBe("unclear");
  });

  it("says unclear when nothing tells", () => {
    expect(verdict("lib/mailer.ts", "export function send(email: string) {}\n")).toBe("unclear");
  });
});
