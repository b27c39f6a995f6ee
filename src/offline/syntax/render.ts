import type { FrameworkInfo } from "../../survey/types.js";
import type { NewMigration } from "../naming.js";
import type { MigrationSpec } from "../step.js";
import { appRenderers } from "./app-files.js";
import type { RenderedFile, Renderer } from "./file.js";
import { jsRenderers } from "./js-files.js";
import { sqlRenderers } from "./sql-files.js";

const renderers: Partial<Record<FrameworkInfo["id"], Renderer>> = { ...sqlRenderers, ...appRenderers, ...jsRenderers };

/** The migration's files in the framework's own syntax, with the no-transaction switch where the SQL needs it. */
export function renderMigration(framework: FrameworkInfo, spec: MigrationSpec, names: NewMigration): RenderedFile[] {
  const renderer = renderers[framework.id];
  if (renderer) return renderer(spec, names, framework);
  return [{ path: names.path, lang: "sql", content: spec.up.join("\n") }];
}
