/** The `type` table of tools.md: one table for both engines (ripgrep gets these globs, not its own types). */
export const FILE_TYPES: Readonly<Record<string, readonly string[]>> = {
  py: ["*.py"],
  js: ["*.js", "*.jsx", "*.vue"],
  ts: ["*.ts", "*.tsx"],
  ruby: ["*.rb", "*.gemspec", "Gemfile", "Rakefile"],
  go: ["*.go"],
  java: ["*.java", "*.properties"],
  kotlin: ["*.kt", "*.kts"],
  php: ["*.php"],
  sql: ["*.sql", "*.psql"],
  elixir: ["*.ex", "*.exs", "*.eex"],
  rust: ["*.rs"],
  cs: ["*.cs"],
  erb: ["*.erb"],
  yaml: ["*.yaml", "*.yml"],
  json: ["*.json"],
  xml: ["*.xml", "*.xsd"],
  md: ["*.md"],
  prisma: ["*.prisma"],
  html: ["*.html", "*.htm"],
  css: ["*.css", "*.scss"],
  sh: ["*.sh", "*.bash"],
};

export function typeGlobs(type: string): readonly string[] | undefined {
  return Object.hasOwn(FILE_TYPES, type) ? FILE_TYPES[type] : undefined;
}
