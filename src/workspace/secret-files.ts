/** The secret files of tools.md: invisible to every tool, whatever the model asks. */
const SECRET_NAMES = [
  /^\.env$/,
  /^\.env\./,
  /\.(pem|key|p12|pfx|keystore)$/,
  /^id_(rsa|ed25519|ecdsa)/,
  /^\.(npmrc|pypirc|netrc)$/,
];
/** Example env files carry no secrets by convention, and often document the database settings. */
const ALLOWED_ENV_FILES = new Set([".env.example", ".env.sample", ".env.template", ".env.dist"]);

/** For a repo-relative POSIX path: true when it is a secret file or anything inside `.git/`. */
export function isSecretPath(relativePath: string): boolean {
  const parts = relativePath.split("/");
  if (parts.includes(".git")) return true;
  const name = parts[parts.length - 1] ?? "";
  if (ALLOWED_ENV_FILES.has(name)) return false;
  return SECRET_NAMES.some((pattern) => pattern.test(name));
}
