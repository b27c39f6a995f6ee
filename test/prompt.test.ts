import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MigrationAgentError } from "../src/errors.js";
import { packageFile } from "../src/paths.js";
import { loadAgentPrompt, parsePromptFile, PromptFileError } from "../src/prompt.js";

const SEED_SHA256 = "8b20e30f619d3b9fe92fb10fb4b67f6daab568e9a723cda6787ec77b59e9dfcf";
const file = (frontmatter: string, body = "Body.\n") => `---\n${frontmatter}\n---\n\n${body}`;

describe("parsePromptFile", () => {
  it("reads the four fields and the body, with tools as a comma list", () => {
    const parsed = parsePromptFile(file("name: a\ndescription: b\ntools: Read, Grep, Glob, Write\nmodel: sonnet"));
    expect(parsed).toEqual({
      frontmatter: { name: "a", description: "b", tools: ["Read", "Grep", "Glob", "Write"], model: "sonnet" },
      body: "Body.",
    });
  });

  it("accepts tools as a YAML list and CRLF line ends", () => {
    const text = file("name: a\ndescription: b\ntools:\n  - Read\n  - Write\nmodel: opus").replaceAll("\n", "\r\n");
    expect(parsePromptFile(text).frontmatter.tools).toEqual(["Read", "Write"]);
  });

  it("throws a typed one-sentence error for a missing field", () => {
    const parse = () => parsePromptFile(file("name: a\ndescription: b\ntools: Read"));
    expect(parse).toThrow(PromptFileError);
    expect(parse).toThrow('The prompt frontmatter has no "model" field.');
  });

  it("throws a typed one-sentence error for bad YAML", () => {
    let caught: unknown;
    try {
      parsePromptFile(file("name: [unclosed\ndescription: b"));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MigrationAgentError);
    expect((caught as Error).message).toMatch(/^The prompt frontmatter is not valid YAML: .+\.$/);
    expect((caught as Error).message).not.toContain("\n");
  });

  it("throws for a file without frontmatter and for a field of the wrong shape", () => {
    expect(() => parsePromptFile("# Just a body\n")).toThrow(/has no frontmatter/);
    expect(() => parsePromptFile(file("name: a\ndescription: b\ntools: {x: 1}\nmodel: sonnet"))).toThrow(
      'The prompt frontmatter field "tools" is not valid',
    );
    expect(() => parsePromptFile(file("name: a\ndescription: ''\ntools: Read\nmodel: sonnet"))).toThrow(/"description"/);
  });
});

describe("the shipped prompts", () => {
  it("keeps the seed prompt byte for byte", async () => {
    const bytes = await readFile(packageFile("prompts", "migration-assistant.md"));
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(SEED_SHA256);
  });

  it("builds the system prompt from the seed body, a blank line and runtime.md", async () => {
    const prompt = await loadAgentPrompt();
    const seed = parsePromptFile(await readFile(packageFile("prompts", "migration-assistant.md"), "utf8"));
    const runtime = (await readFile(packageFile("prompts", "runtime.md"), "utf8")).trim();
    expect(prompt.frontmatter).toEqual({
      name: "migration-assistant",
      description: seed.frontmatter.description,
      tools: ["Read", "Grep", "Glob", "Write"],
      model: "sonnet",
    });
    expect(prompt.body.startsWith("You are an expert at planning and executing data migrations.")).toBe(true);
    expect(prompt.systemPrompt).toBe(`${seed.body}\n\n${runtime}`);
  });

  it("gives the identical system prompt on every load, so it can be cached", async () => {
    const [a, b] = [await loadAgentPrompt(), await loadAgentPrompt()];
    expect(a.systemPrompt).toBe(b.systemPrompt);
  });

  it("tells the model the plan's six sections, in order", async () => {
    const { systemPrompt } = await loadAgentPrompt();
    const positions = ["## Current State", "## Target State", "## Steps", "## Rollback", "## Risks", "## Validation"].map(
      (heading) => systemPrompt.indexOf(heading, systemPrompt.indexOf("# How this run works")),
    );
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((x, y) => x - y)).toEqual(positions);
  });

  it("reports a missing prompt file as a typed error", async () => {
    const dir = await mkdtemp(join(tmpdir(), "prompts-"));
    try {
      await writeFile(join(dir, "migration-assistant.md"), file("name: a\ndescription: b\ntools: Read\nmodel: sonnet"));
      await expect(loadAgentPrompt(dir)).rejects.toThrow("The prompt file prompts/runtime.md cannot be read");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
