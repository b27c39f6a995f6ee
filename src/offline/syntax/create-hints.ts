import type { FrameworkInfo } from "../../survey/types.js";
import { pascal } from "../naming.js";

/**
 * How to create a migration so the framework knows of it, where writing the file by hand is not enough
 * (a journal, a model state, a snapshot, a master changelog).
 */
export function creationHint(framework: FrameworkInfo, slug: string): string | null {
  const schema = framework.schemaFiles[0];
  switch (framework.id) {
    case "prisma":
      return `Create it with \`npx prisma migrate dev --create-only --name ${slug}\` and replace the generated SQL with this${schema ? `; keep \`${schema}\` in step with it` : ""}, so the next generated migration does not undo it.`;
    case "drizzle":
      return `Create it with \`npx drizzle-kit generate --custom --name=${slug}\`, so the journal in the migrations folder lists it, and put this SQL in it; change the TypeScript schema to match.`;
    case "django":
      return "This `RunSQL` changes only the database, not Django's model state. Change the model to match, then run `python manage.py makemigrations --dry-run`: if it proposes an operation for this change, put this `RunSQL` in `migrations.SeparateDatabaseAndState(database_operations=[...])` with that operation as `state_operations`, so Django does not apply the change twice. Check the SQL it runs with `python manage.py sqlmigrate`.";
    case "efcore":
      return `Create it with \`dotnet ef migrations add ${pascal(slug)}\` so the model snapshot is updated, then replace its body with this.`;
    case "liquibase":
      return "Include it from the master changelog, after the last include.";
    default:
      return null;
  }
}
