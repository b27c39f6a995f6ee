import type { FrameworkId } from "../../survey/types.js";
import { IRREVERSIBLE_SQL, sqlScript, type Renderer } from "./file.js";

/** Frameworks whose migrations are plain SQL files. */
export const sqlRenderers: Partial<Record<FrameworkId, Renderer>> = {
  prisma: (spec, names) => [{ path: names.path, lang: "sql", content: sqlScript(spec.up) }],
  drizzle: (spec, names) => [
    { path: names.path, lang: "sql", content: spec.up.join("\n--> statement-breakpoint\n") },
  ],
  "golang-migrate": (spec, names) => upDownFiles(spec, names.path, names.extraPaths[0]!),
  sqlx: (spec, names) => upDownFiles(spec, names.path, names.extraPaths[0]!, spec.noTransaction ? "-- no-transaction\n" : ""),
  diesel: (spec, names) => [
    ...upDownFiles(spec, names.path, names.extraPaths[0]!),
    ...(spec.noTransaction ? [{ path: `${names.id}/metadata.toml`, lang: "toml", content: "run_in_transaction = false" }] : []),
  ],
  goose: (spec, names) => [
    {
      path: names.path,
      lang: "sql",
      content: [
        ...(spec.noTransaction ? ["-- +goose NO TRANSACTION"] : []),
        "-- +goose Up",
        ...spec.up,
        "",
        "-- +goose Down",
        ...(spec.down ?? [IRREVERSIBLE_SQL]),
      ].join("\n"),
    },
  ],
  dbmate: (spec, names) => [
    {
      path: names.path,
      lang: "sql",
      content: [
        spec.noTransaction ? "-- migrate:up transaction:false" : "-- migrate:up",
        ...spec.up,
        "",
        spec.noTransaction ? "-- migrate:down transaction:false" : "-- migrate:down",
        ...(spec.down ?? [IRREVERSIBLE_SQL]),
      ].join("\n"),
    },
  ],
  flyway: (spec, names) => [
    { path: names.path, lang: "sql", content: sqlScript(spec.up) },
    ...(spec.noTransaction ? [{ path: names.extraPaths[0]!, lang: "properties", content: "executeInTransaction=false" }] : []),
  ],
};

function upDownFiles(spec: Parameters<Renderer>[0], up: string, down: string, header = "") {
  return [
    { path: up, lang: "sql", content: header + sqlScript(spec.up) },
    { path: down, lang: "sql", content: header + sqlScript(spec.down ?? [IRREVERSIBLE_SQL]) },
  ];
}
