/**
 * Type changes Postgres makes without rewriting the table (rule 4): a varchar (or an ORM string type) grown or
 * turned into text, a numeric with more precision and the same scale.
 */
const VARCHAR = /^(?:(?:models\.|sa\.|t\.)?(?:string|varchar|charactervarying|charfield|emailfield|slugfield|urlfield|text)\b)(?:\((?:max_length=)?(\d+)\))?/;

export function binaryCompatible(from: string | null, to: string): boolean {
  const f = (from ?? "").toLowerCase().replace(/\s+/g, "");
  const t = to.toLowerCase().replace(/\s+/g, "");
  const old = VARCHAR.exec(f);
  if (old && (t === "text" || t === "varchar" || t === "charactervarying")) return true;
  const grown = /^varchar\((\d+)\)$/.exec(t);
  if (old && grown) return old[1] !== undefined && Number(grown[1]) >= Number(old[1]);
  const nf = /^(?:numeric|decimal)\((\d+),(\d+)\)$/.exec(f);
  const nt = /^(?:numeric|decimal)\((\d+),(\d+)\)$/.exec(t);
  return Boolean(nf && nt && nf[2] === nt[2] && Number(nt[1]) >= Number(nf[1]));
}
