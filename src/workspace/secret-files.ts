/** The secret file names of tools.md (matched lower-cased): invisible to every tool, whatever the model asks. */
const SECRET_NAMES = [
  /\.(pem|key|p12|pfx|keystore)$/,
  /^id_(rsa|ed25519|ecdsa)/,
  /^\.(npmrc|pypirc|netrc|pgpass|git-credentials)$/,
];
/** `.env` and `.env.*` hide a file or a whole folder, at any depth. */
const ENV_NAME = /^\.env(\..*)?$/;

/** Example env files carry no secrets by convention, and often document the database settings. */
export const EXAMPLE_ENV_FILES: readonly string[] = [".env.example", ".env.sample", ".env.template", ".env.dist"];
/** A repo-relative path whose file is one of EXAMPLE_ENV_FILES (exact case, as the survey reads them). */
export const EXAMPLE_ENV_PATH = new RegExp(`(^|/)(${EXAMPLE_ENV_FILES.map((name) => name.replace(/\./g, "\\.")).join("|")})$`);

/** Text every secret path holds somewhere: most paths lack it and are cleared with one test. */
const MAYBE_SECRET = /\.git|\.env|id_(rsa|ed25519|ecdsa)|\.(pem|key|p12|pfx|keystore|npmrc|pypirc|netrc|pgpass)/i;

/** For a repo-relative POSIX path: true when it is a secret file, inside a secret folder, or anything inside `.git/`. */
export function isSecretPath(relativePath: string): boolean {
  if (!MAYBE_SECRET.test(relativePath)) return false;
  const parts = relativePath.toLowerCase().split("/");
  const name = parts[parts.length - 1] ?? "";
  if (parts.includes(".git")) return true;
  if (parts.slice(0, -1).some((part) => ENV_NAME.test(part))) return true;
  if (EXAMPLE_ENV_FILES.includes(name)) return false;
  return ENV_NAME.test(name) || SECRET_NAMES.some((pattern) => pattern.test(name));
}
