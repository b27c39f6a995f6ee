/**
 * The secret files of tools.md, which no tool may read: a plan cannot cite them either. This is a copy of the
 * rule, kept small on purpose, so that plan checks stand on their own.
 */
const SECRET_NAMES = [/^\.env$/, /^\.env\..+/, /\.(pem|key|p12|pfx|keystore)$/, /^id_(rsa|ed25519|ecdsa)/, /^\.(npmrc|pypirc|netrc)$/];
const ALLOWED_ENV_FILES = new Set([".env.example", ".env.sample", ".env.template", ".env.dist"]);

/** For a repo-relative path with `/` separators. */
export function isSecretPath(relativePath: string): boolean {
  const parts = relativePath.split("/");
  if (parts.includes(".git")) return true;
  const name = parts[parts.length - 1] ?? "";
  if (ALLOWED_ENV_FILES.has(name)) return false;
  return SECRET_NAMES.some((pattern) => pattern.test(name));
}
