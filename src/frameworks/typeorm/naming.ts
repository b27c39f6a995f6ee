/**
 * TypeORM's naming: the DefaultNamingStrategy names a table by the class name in snake_case unless
 * `@Entity('name')` says, and a column by its property name unless `@Column({ name })` says; a repo that
 * sets `namingStrategy: new SnakeNamingStrategy()` gets snake_case columns too.
 */
export function snakeCase(name: string): string {
  let out = "";
  for (let i = 0; i < name.length; i += 1) {
    const ch = name[i]!;
    const lower = ch.toLowerCase();
    const upper = ch !== lower;
    const previous = name[i - 1];
    const next = name[i + 1];
    const previousIsLowerOrDigit = previous !== undefined && (previous !== previous.toUpperCase() || (previous >= "0" && previous <= "9"));
    const startsWord = upper && i > 0 && (previousIsLowerOrDigit || (next !== undefined && next !== next.toUpperCase() && previous !== previous?.toLowerCase()));
    out += (startsWord && !out.endsWith("_") ? "_" : "") + lower;
  }
  return out;
}

export interface Naming {
  snakeColumns: boolean;
}

export function entityTableName(className: string, given: string | null): string {
  return given ?? snakeCase(className);
}

export function entityColumnName(property: string, given: string | null, naming: Naming): string {
  if (given) return given;
  return naming.snakeColumns ? snakeCase(property) : property;
}
