import { cp, mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { packageFile } from "../src/paths.js";
import { countFiles, reusedTree } from "./tree.js";

/** Bump when the recipe changes, so an old copy is rebuilt rather than reused. */
const TREE_VERSION = "2";
/** Resources generated around the example app: about 17 files each, some 5,000 files in all. */
const RESOURCES = 300;
const FILES_PER_RESOURCE = 17;

/**
 * An application of the size survey.md sets its speed goal on (~5,000 files): the bundled Rails example
 * (its real schema, config and users code) grown with generated resources — model, controller, views,
 * serializer, job, policy, specs, factory, migration and React components each — a few with an `email`
 * column of their own, and a share of the rest using `current_user.email`. Built once, then reused.
 */
export function benchAppTree(): Promise<{ root: string; files: number }> {
  return reusedTree(`migration-agent-bench-app-v${TREE_VERSION}`, async (root) => {
    await cp(packageFile("examples/shop-rails"), root, { recursive: true, filter: (src) => !src.includes("migration-plans") });
    for (let i = 0; i < RESOURCES; i++) {
      for (const [path, text] of resourceFiles(i)) {
        await mkdir(dirname(join(root, path)), { recursive: true });
        await writeFile(join(root, path), text);
      }
    }
    return countFiles(root);
  });
}

const NOUNS = ["invoice", "shipment", "coupon", "review", "ticket", "contact", "warehouse", "supplier", "refund", "campaign"];

/** Deterministic: resource `i` always gives the same files, so every run searches the same tree. */
function resourceFiles(i: number): [string, string][] {
  const noun = `${NOUNS[i % NOUNS.length]}_${Math.floor(i / NOUNS.length)}`;
  const klass = noun.replace(/(^|_)(\w)/g, (_, __, c: string) => c.toUpperCase());
  const plural = `${noun}s`;
  const ownEmail = i % 25 === 0;
  const usesUserEmail = i % 4 === 0;
  const column = ownEmail ? "email" : "reference_code";
  const stamp = String(20240401000000 + i * 100);
  const component = (part: string) => [
    `import React from "react";`,
    `import type { ${klass} } from "../../types/${noun}";`,
    ``,
    `export function ${klass}${part}({ item }: { item: ${klass} }) {`,
    `  return (`,
    `    <div className="${noun}-${part.toLowerCase()}">`,
    `      <span>{item.title}</span>`,
    `      <span>{item.${ownEmail ? "email" : "referenceCode"}}</span>`,
    `    </div>`,
    `  );`,
    `}`,
  ].join("\n");
  const files: [string, string][] = [
    [`app/models/${noun}.rb`, `class ${klass} < ApplicationRecord\n  belongs_to :user\n  validates :title, presence: true\n  validates :${column}, presence: true\n\n  scope :recent, -> { order(created_at: :desc) }\nend\n`],
    [`app/controllers/${plural}_controller.rb`, [
      `class ${klass}sController < ApplicationController`,
      `  def index`,
      `    @${plural} = ${klass}.recent.page(params[:page])`,
      `  end`,
      ``,
      `  def create`,
      `    @${noun} = ${klass}.new(${noun}_params)`,
      usesUserEmail ? `    AuditLog.record(actor: current_user.email, action: "create_${noun}")` : `    AuditLog.record(actor: current_user.id, action: "create_${noun}")`,
      `    @${noun}.save!`,
      `  end`,
      ``,
      `  private`,
      ``,
      `  def ${noun}_params`,
      `    params.require(:${noun}).permit(:title, :${column})`,
      `  end`,
      `end`,
    ].join("\n")],
    [`app/views/${plural}/index.html.erb`, `<h1>${klass}s</h1>\n<% @${plural}.each do |item| %>\n  <p><%= item.title %> <%= item.${column} %></p>\n<% end %>\n`],
    [`app/views/${plural}/show.html.erb`, `<h1><%= @${noun}.title %></h1>\n${usesUserEmail ? `<p>Owner: <%= @${noun}.user.email %></p>\n` : ""}`],
    [`app/views/${plural}/_form.html.erb`, `<%= form_with model: @${noun} do |f| %>\n  <%= f.text_field :title %>\n  <%= f.text_field :${column} %>\n<% end %>\n`],
    [`app/serializers/${noun}_serializer.rb`, `class ${klass}Serializer < ApplicationSerializer\n  attributes :id, :title, :${column}, :created_at\nend\n`],
    [`app/jobs/${noun}_sync_job.rb`, `class ${klass}SyncJob < ApplicationJob\n  def perform(id)\n    item = ${klass}.find(id)\n    Crm.push(item.id, item.title)\n  end\nend\n`],
    [`app/policies/${noun}_policy.rb`, `class ${klass}Policy < ApplicationPolicy\n  def update?\n    record.user_id == user.id\n  end\nend\n`],
    [`spec/models/${noun}_spec.rb`, `require "rails_helper"\n\nRSpec.describe ${klass} do\n  it "needs a title" do\n    expect(${klass}.new(title: nil)).not_to be_valid\n  end\nend\n`],
    [`spec/requests/${plural}_spec.rb`, `require "rails_helper"\n\nRSpec.describe "${klass}s" do\n  let(:user) { create(:user${usesUserEmail ? `, email: "${noun}@example.com"` : ""}) }\n\n  it "lists them" do\n    get "/${plural}"\n    expect(response).to have_http_status(:ok)\n  end\nend\n`],
    [`spec/factories/${plural}.rb`, `FactoryBot.define do\n  factory :${noun} do\n    title { "A ${noun}" }\n    ${column} { "${ownEmail ? `${noun}@example.com` : "RC-1"}" }\n    user\n  end\nend\n`],
    [`db/migrate/${stamp}_create_${plural}.rb`, `class Create${klass}s < ActiveRecord::Migration[7.1]\n  def change\n    create_table :${plural} do |t|\n      t.references :user, null: false, foreign_key: true\n      t.string :title, null: false\n      t.string :${column}\n      t.timestamps\n    end\n  end\nend\n`],
    [`app/javascript/types/${noun}.ts`, `export interface ${klass} {\n  id: number;\n  title: string;\n  ${ownEmail ? "email" : "referenceCode"}: string;\n}\n`],
    [`app/javascript/components/${noun}/${klass}Row.tsx`, component("Row")],
    [`app/javascript/components/${noun}/${klass}Card.tsx`, component("Card")],
    [`app/javascript/components/${noun}/${klass}Detail.tsx`, component("Detail")],
    [`app/javascript/api/${noun}.ts`, `import { http } from "./http";\n\nexport const list${klass}s = () => http.get("/${plural}");\nexport const create${klass} = (body: unknown) => http.post("/${plural}", body);\n`],
  ];
  if (files.length !== FILES_PER_RESOURCE) throw new Error(`resource ${noun} has ${files.length} files`);
  return files;
}
