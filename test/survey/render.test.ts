import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderSurveyForModel, survey } from "../../src/survey/index.js";
import type { Survey } from "../../src/survey/types.js";
import { makeTempRepo, type TempRepo } from "../helpers/temp-repo.js";

const SERVICES = 1500;

/** A Rails app whose users.email is read from 1,500 service files and 600 specs, plus 400 newsletter files. */
function largeRailsApp(): Record<string, string> {
  const files: Record<string, string> = {
    "Gemfile": 'source "https://rubygems.org"\ngem "rails", "~> 7.1"\n',
    "config/database.yml": "default: &default\n  adapter: postgresql\n  url: postgres://app:s3cret@db/app\n",
    "db/migrate/20240101000000_create_users.rb": "class CreateUsers < ActiveRecord::Migration[7.1]\n  def change\n    create_table :users do |t|\n      t.string :email, null: false\n    end\n  end\nend\n",
    "db/migrate/20240102000000_create_newsletter_subscriptions.rb": "class CreateNewsletterSubscriptions < ActiveRecord::Migration[7.1]\n  def change\n    create_table :newsletter_subscriptions do |t|\n      t.string :email\n    end\n  end\nend\n",
    "db/schema.rb": 'ActiveRecord::Schema[7.1].define(version: 2024_01_02_000000) do\n  create_table "newsletter_subscriptions", force: :cascade do |t|\n    t.string "email"\n  end\n\n  create_table "users", force: :cascade do |t|\n    t.string "email", null: false\n  end\nend\n',
    "app/models/user.rb": "class User < ApplicationRecord\n  validates :email, presence: true\nend\n",
    "app/models/newsletter_subscription.rb": "class NewsletterSubscription < ApplicationRecord\n  validates :email, presence: true\nend\n",
  };
  for (let i = 0; i < SERVICES; i++) files[`app/services/user_step_${i}.rb`] = `class UserStep${i}\n  def call(user)\n    user.email.downcase\n    UserMailer.notify(user.email)\n  end\nend\n`;
  for (let i = 0; i < 600; i++) files[`spec/services/user_step_${i}_spec.rb`] = `describe UserStep${i} do\n  it { expect(user.email).to be_present }\nend\n`;
  for (let i = 0; i < 400; i++) files[`app/services/newsletter/send_${i}.rb`] = `class NewsletterSend${i}\n  def call(subscription)\n    subscription.email\n  end\nend\n`;
  return files;
}

describe("renderSurveyForModel on a large repo", () => {
  let repo: TempRepo;
  let result: Survey;
  beforeAll(async () => {
    repo = await makeTempRepo(largeRailsApp());
    result = await survey(repo.root, "rename users.email to email_address");
  }, 120_000);
  afterAll(() => repo.cleanup());

  it("finds thousands of references, tests and same-name uses apart", () => {
    expect(result.references.counts.code).toBeGreaterThanOrEqual(SERVICES * 2);
    expect(result.references.counts.tests).toBe(600);
    expect(new Set(result.references.sameNameOrUnclear.map((r) => r.path)).size).toBeGreaterThanOrEqual(400);
  });

  it("stays within the default bound of about 12,000 characters and gives the counts", () => {
    const text = renderSurveyForModel(result);
    expect(text.length).toBeLessThanOrEqual(12_000);
    expect(text).toContain(`${result.references.counts.code} in code`);
    expect(text).toMatch(/and \d+ more files/);
    expect(text).toContain("db/schema.rb:7");
  });

  it("stays within a smaller bound when asked", () => {
    const text = renderSurveyForModel(result, { maxChars: 3_000 });
    expect(text.length).toBeLessThanOrEqual(3_000);
    expect(text).toContain("rename_column");
  });

  it("never shows a password from a URL", () => {
    const text = renderSurveyForModel(result);
    expect(text).not.toContain("s3cret");
  });
});
