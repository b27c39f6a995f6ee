/** Where a file sits in an app: a test, a migration, or one of the reference areas of survey.md. */
import type { ReferenceArea } from "./types.js";

const TEST = /(^|\/)(tests?|specs?|__tests__|__mocks__|e2e|cypress|playwright|testing|test_helpers?)\/|[._-](test|spec)\.[\w]+$|_test\.(go|py|rb|exs|ex)$|(^|\/)test_[^/]+\.py$|(^|\/)tests?\.py$|(^|\/)conftest\.py$|Tests?\.(java|kt|cs|php)$|Spec\.(java|kt|groovy|scala)$/;

export function isTestPath(path: string): boolean {
  return TEST.test(path);
}

const AREAS: [ReferenceArea, RegExp][] = [
  ["fixtures", /(^|\/)(fixtures?|seeds?|seeders?|factories|factory|testdata|sample[-_]?data)(\/|\.|$)|seeds?\.(rb|py|ts|js|sql|exs)$/i],
  ["frontend", /\.(tsx|jsx|vue|svelte|astro)$|(^|\/)(frontend|client|web|ui|app\/javascript|app\/frontend|components|pages|src\/types|assets\/js)\//i],
  ["views", /\.(erb|haml|slim|html?|jinja2?|j2|twig|hbs|handlebars|mustache|eex|heex|leex|liquid|njk|ejs|pug)$|\.blade\.php$|(^|\/)(views|templates)\//i],
  ["serializers", /(^|\/)schemas?\.(js|ts|py)$|serializ|(^|\/)(schemas?|graphql|dtos?|resources|presenters?|blueprints?|representers?|contracts)\/|\.dto\.|_dto\.|\.graphql$|\.gql$|openapi|swagger|(^|\/)api\/.*\.(ya?ml|json)$/i],
  ["jobs", /(^|\/)(jobs?|workers?|tasks?|queues?|consumers?|mailers?|cron|schedulers?|listeners?)\/|_(job|worker|task|mailer)\.|\.(job|worker|task)\.|tasks\.py$/i],
  ["models", /(^|\/)(models?|entities|entity|domain|records?)(\/|$)|models\.py$|\.prisma$|[._](model|entity)\./i],
  // Class-named files (`UserModel.java`) in their own case: `identity.js` is not an entity.
  ["models", /(^|\/|[a-z0-9])(Model|Entity)\.\w+$/],
  ["queries", /repositor|(^|\/)(quer(y|ies)|dao|daos|stores?|repos?|db|database|sql|reports?|analytics)\/|\.sql$|_query\.|\.query\./i],
  ["queries", /(^|\/|[a-z0-9])(Repository|Dao)\.\w+$|Mapper\.(java|xml)$/],
  ["controllers", /(^|\/)(controllers?|handlers?|routes?|endpoints?|resolvers?|api|http|web)\/|_controller\.|\.controller\.|\.routes?\.|_routes?\.|views\.py$|urls\.py$|_handler\.|\.handler\./i],
  ["controllers", /(^|\/|[a-z0-9])(Controller|Routes?)\.\w+$/],
  ["config", /(^|\/)(config|settings|conf)\/|\.(ya?ml|toml|ini|json|conf|properties|env\.\w+)$|settings\.py$/i],
];

/** SQL in a string: statement shapes in any case, or WHERE / JOIN in capitals (`list.join(", ")`, "where" in prose are not SQL). */
const SQL_STATEMENT = /\b(?:SELECT\b.*\bFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|JOIN\s+\w+\s+(?:ON|USING))\b/i;
const SQL_CLAUSE = /\b(?:WHERE|JOIN)\s/;

const byPath = new Map<string, ReferenceArea>();

export function areaOf(path: string, line: string): ReferenceArea {
  let area = byPath.get(path);
  if (!area) {
    area = AREAS.find(([, pattern]) => pattern.test(path))?.[0] ?? "other";
    if (byPath.size > 100_000) byPath.clear();
    byPath.set(path, area);
  }
  return area === "other" && (SQL_CLAUSE.test(line) || SQL_STATEMENT.test(line)) ? "queries" : area;
}
