import type { FrameworkId } from "../../survey/types.js";
import { indent, type Renderer } from "./file.js";

const template = (sql: string) => `\`${sql.replace(/[`\\]/g, "\\$&").replace(/\$\{/g, "\\${")}\``;
const IRREVERSIBLE_JS = `throw new Error("Irreversible: see the plan's Rollback section.");`;

/** JavaScript and TypeScript runners; the SQL runs through their raw-SQL call. */
export const jsRenderers: Partial<Record<FrameworkId, Renderer>> = {
  knex: (spec, names) => {
    const run = (statements: string[]) => statements.map((sql) => `await knex.raw(${template(sql)});`).join("\n");
    const down = spec.down ? run(spec.down) : IRREVERSIBLE_JS;
    const ts = names.path.endsWith(".ts");
    const lines = ts
      ? [
          `import type { Knex } from "knex";`,
          "",
          ...(spec.noTransaction ? ["export const config = { transaction: false };", ""] : []),
          "export async function up(knex: Knex): Promise<void> {",
          indent(run(spec.up), 2),
          "}",
          "",
          "export async function down(knex: Knex): Promise<void> {",
          indent(down, 2),
          "}",
        ]
      : [
          ...(spec.noTransaction ? ["exports.config = { transaction: false };", ""] : []),
          "exports.up = async function up(knex) {",
          indent(run(spec.up), 2),
          "};",
          "",
          "exports.down = async function down(knex) {",
          indent(down, 2),
          "};",
        ];
    return [{ path: names.path, lang: ts ? "ts" : "js", content: lines.join("\n") }];
  },
  typeorm: (spec, names) => {
    const run = (statements: string[]) => statements.map((sql) => `await queryRunner.query(${template(sql)});`).join("\n");
    return [{
      path: names.path,
      lang: "ts",
      content: [
        `import { MigrationInterface, QueryRunner } from "typeorm";`,
        "",
        `export class ${names.className}${names.id} implements MigrationInterface {`,
        ...(spec.noTransaction ? ["  transaction = false as const;", ""] : []),
        "  public async up(queryRunner: QueryRunner): Promise<void> {",
        indent(run(spec.up), 4),
        "  }",
        "",
        "  public async down(queryRunner: QueryRunner): Promise<void> {",
        indent(spec.down ? run(spec.down) : IRREVERSIBLE_JS, 4),
        "  }",
        "}",
      ].join("\n"),
    }];
  },
  sequelize: (spec, names) => {
    const run = (statements: string[]) =>
      statements.map((sql) => `await queryInterface.sequelize.query(${template(sql)});`).join("\n");
    return [{
      path: names.path,
      lang: "js",
      content: [
        `"use strict";`,
        "",
        "/** @type {import('sequelize-cli').Migration} */",
        "module.exports = {",
        "  async up(queryInterface) {",
        indent(run(spec.up), 4),
        "  },",
        "",
        "  async down(queryInterface) {",
        indent(spec.down ? run(spec.down) : IRREVERSIBLE_JS, 4),
        "  },",
        "};",
      ].join("\n"),
    }];
  },
  // `pgm["sql"]` rather than `pgm.sql`: the plan's citation finder would take `pgm.sql` for a file.
  "node-pg-migrate": (spec, names) => {
    const run = (statements: string[]) =>
      [...(spec.noTransaction ? ["pgm.noTransaction();"] : []), ...statements.map((sql) => `pgm["sql"](${template(sql)});`)].join("\n");
    return [{
      path: names.path,
      lang: "js",
      content: [
        "exports.up = (pgm) => {",
        indent(run(spec.up), 2),
        "};",
        "",
        "exports.down = (pgm) => {",
        indent(spec.down ? run(spec.down) : IRREVERSIBLE_JS, 2),
        "};",
      ].join("\n"),
    }];
  },
};
