/** A migration the plan proposes, in SQL; the framework's file around it is rendered later (syntax/). */
export interface MigrationSpec {
  /** snake_case description: `add_email_address_to_users`. */
  slug: string;
  /** SQL statements, each ending with `;`. */
  up: string[];
  /** The statements that undo it, or null when it cannot be undone (the step says the way back). */
  down: string[] | null;
  /** True when a statement cannot run inside a transaction (CONCURRENTLY). */
  noTransaction: boolean;
}

/** One numbered step of the plan and its rollback item. */
export interface Step {
  /** The deploy it belongs to, e.g. "Deploy 1 — expand"; steps of one deploy stand under one heading. */
  deploy: string;
  title: string;
  /** Markdown lines after the title. */
  body: string[];
  migration?: MigrationSpec;
  /** What undoes the step (after the framework's rollback command, for a migration step). */
  rollback: string;
  /** No way back but a restore or a re-derivation, said in `rollback`. */
  irreversible?: boolean;
}

export function step(deploy: string, title: string, body: string[], rollback: string, extra: Partial<Step> = {}): Step {
  return { deploy, title, body, rollback, ...extra };
}
