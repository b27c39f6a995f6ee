import { describe, expect, it } from "vitest";
import { columnFacts } from "../../src/survey/schema/declaration-line.js";

describe("facts read off one declaration line", () => {
  it.each([
    ["SQL in capitals is not a Prisma field", "    full_name VARCHAR(255),", ["full_name", "FullName"], { type: "VARCHAR(255)", nullable: true }],
    ["SQL NOT NULL", "    email TEXT NOT NULL UNIQUE,", ["email", "Email"], { type: "TEXT", nullable: false }],
    ["a Prisma optional field", "  email String?", ["email"], { type: "String", nullable: true }],
    ["a Prisma required field", "  createdAt DateTime @default(now())", ["createdAt"], { type: "DateTime", nullable: false, default: "now()" }],
    ["Laravel: NOT NULL unless ->nullable()", "            $table->integer('number_format')->default(0);", ["number_format"], { type: "integer", nullable: false }],
    ["Laravel: ->nullable()", "            $table->string('nickname')->nullable();", ["nickname"], { nullable: true }],
    ["a Go struct field says nothing of the column", "\tFullName *string `db:\"full_name\" json:\"fullName\"`", ["full_name", "FullName"], { type: null, nullable: null }],
  ])("%s", (_what, line, names, expected) => {
    expect(columnFacts([line], 0, names)).toMatchObject(expected);
  });
});

describe("facts a decorator above states", () => {
  it.each([
    ["TypeORM @Column() is NOT NULL", ["    @Column()", "    age: number"], false],
    ["TypeORM @Column({ nullable: true })", ["    @Column({ nullable: true })", "    age: number"], true],
  ])("%s", (_what, lines, nullable) => {
    expect(columnFacts(lines, 1, ["age"]).nullable).toBe(nullable);
  });
});
