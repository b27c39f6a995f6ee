import type { Usage } from "../types.js";

/** USD per million tokens; cache write is the 5-minute rate. */
export interface Price {
  input: number;
  output: number;
  cacheWrite: number;
  cacheRead: number;
}

type Family = "sonnet" | "opus" | "haiku";
type Version = readonly [major: number, minor: number];

const price = (input: number, output: number, cacheWrite: number, cacheRead: number): Price => ({
  input, output, cacheWrite, cacheRead,
});

/** The price table of cli.md. The first row whose family and version range match wins. */
export const PRICE_TABLE: readonly { family: Family; from: Version; to: Version; price: Price }[] = [
  { family: "sonnet", from: [5, 5], to: [5, 5], price: price(2, 10, 2.5, 0.1) },
  { family: "sonnet", from: [5, 0], to: [5, 99], price: price(2, 10, 2.5, 0.2) },
  { family: "sonnet", from: [3, 0], to: [4, 99], price: price(3, 15, 3.75, 0.3) },
  { family: "opus", from: [5, 5], to: [5, 5], price: price(4, 20, 5, 0.2) },
  { family: "opus", from: [4, 5], to: [5, 0], price: price(5, 25, 6.25, 0.5) },
  { family: "opus", from: [4, 0], to: [4, 1], price: price(15, 75, 18.75, 1.5) },
  { family: "haiku", from: [5, 5], to: [5, 5], price: price(0.1, 0.5, 0.125, 0.01) },
  { family: "haiku", from: [4, 5], to: [4, 5], price: price(1, 5, 1.25, 0.1) },
];

// `claude-sonnet-4-5-20250929`, `claude-opus-4-1`, `claude-sonnet-4-20250514` (4.0); also the older
// `claude-3-5-sonnet-20241022` order. A minor version has one or two digits; eight digits are a date.
const FAMILY_FIRST = /(?:^|[^a-z])claude-(sonnet|opus|haiku)-(\d+)(?:-(\d{1,2}))?(?!\d)/i;
const VERSION_FIRST = /(?:^|[^a-z])claude-(\d+)(?:-(\d{1,2}))?-(sonnet|opus|haiku)(?![a-z])/i;

export function priceFor(modelId: string): Price | null {
  const parsed = parseModelId(modelId);
  if (!parsed) return null;
  const at = (version: Version) => version[0] * 100 + version[1];
  const wanted = at(parsed.version);
  const row = PRICE_TABLE.find((r) => r.family === parsed.family && at(r.from) <= wanted && wanted <= at(r.to));
  return row?.price ?? null;
}

/** The estimated cost of this usage, or null when the model is not in the table (never a guess). */
export function costUsd(modelId: string, usage: Usage): number | null {
  const p = priceFor(modelId);
  if (!p) return null;
  const microUsd =
    usage.input_tokens * p.input +
    usage.output_tokens * p.output +
    usage.cache_creation_input_tokens * p.cacheWrite +
    usage.cache_read_input_tokens * p.cacheRead;
  // Rounded to a billionth of a dollar so results print without float noise.
  return Math.round(microUsd * 1000) / 1e9;
}

function parseModelId(modelId: string): { family: Family; version: Version } | null {
  const familyFirst = FAMILY_FIRST.exec(modelId);
  if (familyFirst) {
    return { family: familyFirst[1]!.toLowerCase() as Family, version: [Number(familyFirst[2]), Number(familyFirst[3] ?? 0)] };
  }
  const versionFirst = VERSION_FIRST.exec(modelId);
  if (versionFirst) {
    return { family: versionFirst[3]!.toLowerCase() as Family, version: [Number(versionFirst[1]), Number(versionFirst[2] ?? 0)] };
  }
  return null;
}
