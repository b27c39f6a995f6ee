import { readFileSync } from "node:fs";
import { packageFile } from "../src/paths.js";

/** The description the model sees for a tool: the text of tools/<name>.md, shipped beside the code. */
export function toolDescription(name: string): string {
  return readFileSync(packageFile("tools", `${name}.md`), "utf8").trim();
}
