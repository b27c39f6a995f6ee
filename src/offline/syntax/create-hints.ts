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
      return "Django's model state must match the database: put the field change in the model as well and wrap the SQL in `migrations.SeparateDatabaseAndState`, with the matching field operation (e.g. `migrations.AddField`) as its state operation; check the SQL it runs with Django's `sqlmigrate` command.";
    case "efcore":
      return `Create it with \`dotnet ef migrations add ${pascal(slug)}\` so the model snapshot is updated, then replace its body with this.`;
    case "liquibase":
      return "Include it from the master changelog, after the last include.";
    default:
      return null;
  }
}
