import { describe, expect, it } from "vitest";
import { resolveModel } from "../../src/agent/models.js";

describe("resolveModel", () => {
  it("maps each alias to its model id", () => {
    expect(resolveModel("sonnet", "sonnet", {})).toBe("claude-sonnet-5-5");
    expect(resolveModel("opus", "sonnet", {})).toBe("claude-opus-5-5");
    expect(resolveModel("haiku", "sonnet", {})).toBe("claude-haiku-5-5");
  });

  it("uses the frontmatter model when no model is given", () => {
    expect(resolveModel(undefined, "sonnet", {})).toBe("claude-sonnet-5-5");
    expect(resolveModel("", "opus", {})).toBe("claude-opus-5-5");
  });

  it("lets each alias's environment variable override it", () => {
    const env = {
      ANTHROPIC_DEFAULT_SONNET_MODEL: "my-sonnet",
      ANTHROPIC_DEFAULT_OPUS_MODEL: "my-opus",
      ANTHROPIC_DEFAULT_HAIKU_MODEL: "my-haiku",
    };
    expect(resolveModel("sonnet", "sonnet", env)).toBe("my-sonnet");
    expect(resolveModel("opus", "sonnet", env)).toBe("my-opus");
    expect(resolveModel("haiku", "sonnet", env)).toBe("my-haiku");
    expect(resolveModel(undefined, "sonnet", env)).toBe("my-sonnet");
  });

  it("ignores an empty override", () => {
    expect(resolveModel("opus", "sonnet", { ANTHROPIC_DEFAULT_OPUS_MODEL: "" })).toBe("claude-opus-5-5");
  });

  it("sends any other value as the model id, untouched by overrides", () => {
    const env = { ANTHROPIC_DEFAULT_SONNET_MODEL: "my-sonnet" };
    expect(resolveModel("claude-sonnet-4-5-20250929", "sonnet", env)).toBe("claude-sonnet-4-5-20250929");
  });

  it("accepts an alias in any letter case", () => {
    expect(resolveModel("Opus", "sonnet", {})).toBe("claude-opus-5-5");
  });
});
