import type { PlanContext } from "../context.js";
import { fromRoot, rootedCommand } from "../rooted-command.js";
import { step, type Step } from "../step.js";
import type { Pattern } from "./pattern.js";

interface Recipe {
  /** How to bump the dependency. */
  bump: (to: string) => string;
  /** What the framework gives to find what breaks; `at` writes a path of the app from the repo root. */
  checks: (at: At) => string[];
  /** How to see that the schema did not drift. */
  drift: (at: At) => string;
  /** What the versions require on the way: releases to pass through, the language version. */
  route?: (from: string | null, to: string) => string[];
}

/** Rails releases in order; the upgrade guide moves one at a time. */
const RAILS_RELEASES = ["5.0", "5.1", "5.2", "6.0", "6.1", "7.0", "7.1", "7.2", "8.0", "8.1"];
/** The oldest Ruby each Rails release runs on (guides.rubyonrails.org, upgrading_ruby_on_rails). */
const RAILS_MIN_RUBY: Record<string, string> = { "6.0": "2.5.0", "6.1": "2.5.0", "7.0": "2.7.0", "7.1": "2.7.0", "7.2": "3.1.0", "8.0": "3.2.0", "8.1": "3.2.0" };

function railsRoute(from: string | null, to: string): string[] {
  const lines: string[] = [];
  const start = from === null ? -1 : RAILS_RELEASES.indexOf(from);
  const end = RAILS_RELEASES.indexOf(to);
  const between = start >= 0 && end > start + 1 ? RAILS_RELEASES.slice(start + 1, end) : [];
  if (between.length) lines.push(`go through ${between.map((v) => `Rails ${v}`).join(", then ")} first, each deployed and with its deprecations fixed: the upgrade guide moves one release at a time`);
  const ruby = RAILS_MIN_RUBY[to];
  if (ruby) lines.push(`Rails ${to} needs Ruby ${ruby} or newer: check \`.ruby-version\` and the Gemfile's \`ruby\` line, and upgrade Ruby first, in its own deploy, if it is older`);
  return lines;
}

type At = (path: string) => string;

const RECIPES: Record<string, Recipe> = {
  rails: {
    bump: (to) => `set \`gem "rails", "~> ${to}"\` in the Gemfile, then \`bundle update rails\``,
    checks: () => ["`bin/rails app:update` (review each diff; keep `new_framework_defaults_*.rb` flags off and turn them on one by one in later deploys)", "fix every deprecation warning the test suite prints on the old version first"],
    drift: () => "`bin/rails db:schema:dump` and `git diff db/` show no change but the version line",
    route: railsRoute,
  },
  django: {
    bump: (to) => `pin \`Django~=${to}\` in the requirements, then install`,
    checks: (at) => [`go one feature release at a time through each LTS; run \`python -Wa ${at("manage.py")} test\` on the old version and fix its deprecation warnings first`, `\`python ${at("manage.py")} check --deploy\``],
    drift: (at) => `\`python ${at("manage.py")} makemigrations --check --dry-run\` reports no changes`,
  },
  prisma: {
    bump: (to) => `\`npm install prisma@${to} @prisma/client@${to}\` (the two at the same version), then \`npx prisma generate\``,
    checks: () => ["read the upgrade guide for each major in between", "run the test suite against the regenerated client"],
    drift: (at) => `\`npx prisma migrate diff --from-migrations ${at("prisma/migrations")} --to-schema-datamodel ${at("prisma/schema.prisma")} --shadow-database-url "$SHADOW_DATABASE_URL"\` prints no change`,
  },
  postgres: {
    bump: (to) => `provision PostgreSQL ${to} and move the data with \`pg_upgrade --link\` (minutes of downtime) or logical replication to a new server (seconds, at a switchover)`,
    checks: () => ["rehearse on a copy of production; read the release notes of every major in between", "after a glibc or ICU change, rebuild indexes on text columns with `REINDEX INDEX CONCURRENTLY` (rule 17)"],
    drift: () => "`ANALYZE` every database right after (pg_upgrade does not carry statistics), then compare query plans of the slowest queries",
  },
};
RECIPES.postgresql = RECIPES.postgres!;
RECIPES.activerecord = RECIPES.rails!;

export function upgrade(ctx: PlanContext): Pattern {
  const up = ctx.survey.task.upgrade;
  const target = up?.target ?? "the dependency";
  const to = up?.to ?? "the target version";
  const recipe = RECIPES[target];
  const run = ctx.framework ? rootedCommand(ctx.framework.commands.run) : undefined;
  const at: At = (path) => fromRoot(ctx.framework, path);
  const bump = recipe?.bump(to) ?? `bump \`${target}\` to ${to} in the dependency manifest and lock file with the package manager`;
  const steps: Step[] = [
    step("Prepare", `Fix deprecations on the current version${up?.from ? ` (${up.from})` : ""}`, [
      ...(recipe?.route && up?.to ? recipe.route(up.from, up.to) : []).map((line) => `- ${line}`),
      ...(recipe?.checks(at) ?? [`read the changelog of ${target} for every major between the versions`, "run the test suite and fix each deprecation warning"]).map((c) => `- ${c}`),
    ], "Revert the commits; nothing is deployed yet."),
    step("Deploy 1 — upgrade", `Upgrade ${target} to ${to}`, [
      `On a branch: ${bump}. Run the whole test suite${run ? ` and the migrations (\`${run}\`) on a copy of production` : ""}.`,
      `Check the schema did not drift: ${recipe?.drift(at) ?? "regenerate the schema snapshot and confirm it did not change"}.`,
      "Deploy to staging, then production, with the previous release ready to redeploy.",
    ], `Redeploy the previous release with its lock file${target.startsWith("postgres") ? "; for the database, switch back to the old server, which pg_upgrade without --link or logical replication leaves intact" : ""}.`),
  ];
  return {
    target: [`${target} runs at ${to}, with the same behaviour and schema.`],
    steps,
    validation: [{ title: "The test suite passes on the new version, and the schema check above shows no drift" }],
    alternatives: [],
    caveats: up?.to ? [] : ["The task does not give the target version."],
  };
}
