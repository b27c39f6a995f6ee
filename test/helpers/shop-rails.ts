import { EXAMPLE_ROOT } from "./survey-fixtures.js";
import { makeTempRepo, type TempRepo } from "./temp-repo.js";

/** The bundled example app (examples/shop-rails), and plans whose citations are real lines in it. */

/** A fresh copy of examples/shop-rails in a temp dir: each run may write its own plan there. */
export function copyShopRails(): Promise<TempRepo> {
  return makeTempRepo({}, { prefix: "shop-rails-", copy: { ".": EXAMPLE_ROOT } });
}

/** A plan that passes the checks of plan-format.md in examples/shop-rails: its citations are real lines there. */
export function shopRailsPlan(task: string): string {
  return `# Migration Plan: ${task}

Rails 7.1 on PostgreSQL.

## Current State
\`users.email\` is a NOT NULL string with a unique index (\`db/schema.rb:44\`, \`db/schema.rb:49\`);
the model validates it (\`app/models/user.rb:6-7\`).

## Target State
The column is called \`email_address\`, and every reader uses the new name.

## Steps
1. Add \`email_address\` in \`db/migrate/20261128120000_add_email_address_to_users.rb\` (new) and run \`bin/rails db:migrate\`. Deploy 1 (expand).
2. Backfill \`email_address\` from \`email\` in batches of 1,000. Deploy 2 (migrate).
3. Drop \`email\` once no code reads it. Deploy 3 (contract).

## Rollback
3. Irreversible without a backup: re-add \`email\` and copy it back from \`email_address\`.
2. Nothing to undo: \`email\` still holds every value.
1. Drop \`email_address\` with \`bin/rails db:rollback\`.

## Risks
- A long backfill locks rows: run it in batches.
- Code still reading \`email\` breaks at step 3: search for it first.

## Validation
\`\`\`sql
SELECT count(*) FROM users WHERE email_address IS NULL;
\`\`\`
`;
}

/** A plan that fails its checks: no Rollback section. */
export function planWithoutRollback(task: string): string {
  return shopRailsPlan(task).replace(/## Rollback[\s\S]*?## Risks/, "## Risks");
}
