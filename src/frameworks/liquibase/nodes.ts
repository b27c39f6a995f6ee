/**
 * A Liquibase changelog as one tree, whether written in XML or YAML: elements with attributes, children,
 * text and the line they start on. XML through fast-xml-parser (element offsets → lines), YAML through
 * the `yaml` package (node ranges → lines).
 */
import { XMLParser } from "fast-xml-parser";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type Pair } from "yaml";

export interface LbNode {
  name: string;
  attrs: Record<string, string>;
  children: LbNode[];
  text: string;
  line: number;
}

const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

export function parseXmlChangelog(source: string): LbNode {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", preserveOrder: true, captureMetaData: true, trimValues: false, parseTagValue: false, parseAttributeValue: false, commentPropName: "#comment", cdataPropName: "#cdata" });
  const starts: number[] = [0];
  for (let i = 0; i < source.length; i += 1) if (source[i] === "\n") starts.push(i + 1);
  const lineAt = (offset: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
  const convert = (entry: Record<string | symbol, unknown>): LbNode | null => {
    const name = Object.keys(entry).find((k) => k !== ":@");
    if (!name || name.startsWith("#") || name.startsWith("?")) return null;
    const attrs = (entry[":@"] ?? {}) as Record<string, string>;
    const meta = entry[META] as { startIndex?: number } | undefined;
    const node: LbNode = { name: localName(name), attrs: {}, children: [], text: "", line: lineAt(meta?.startIndex ?? 0) };
    for (const [key, value] of Object.entries(attrs)) node.attrs[localName(key)] = String(value);
    for (const child of (entry[name] as Record<string | symbol, unknown>[]) ?? []) {
      if ("#text" in child) node.text += String(child["#text"]);
      else if ("#cdata" in child) node.text += ((child["#cdata"] as { "#text"?: string }[]) ?? []).map((c) => c["#text"] ?? "").join("");
      else {
        const converted = convert(child);
        if (converted) node.children.push(converted);
      }
    }
    return node;
  };
  const root = (parser.parse(source) as Record<string | symbol, unknown>[]).map(convert).find((n) => n !== null);
  if (!root) throw new Error("no root element");
  return root;
}

/** `xsi:schemaLocation` → `schemaLocation`; `ext:foo` → `foo`. */
function localName(name: string): string {
  return name.slice(name.indexOf(":") + 1);
}

/**
 * YAML changelogs: `databaseChangeLog: [ { changeSet: { id, author, changes: [ { createTable: { tableName,
 * columns: [ { column: { name, type, constraints: { nullable: false } } } ] } } ] } } ]`. Scalars become
 * attributes; a list of one-key maps becomes children; a nested map becomes a child named by its key.
 */
export function parseYamlChangelog(source: string): LbNode {
  const lines = new LineCounter();
  const document = parseDocument(source, { lineCounter: lines });
  if (document.errors.length) throw new Error(document.errors[0]!.message);
  const lineOf = (node: YamlNode | null | undefined) => (node?.range ? lines.linePos(node.range[0]).line : 1);
  const element = (name: string, value: unknown, line: number): LbNode => {
    const node: LbNode = { name, attrs: {}, children: [], text: "", line };
    if (isScalar(value)) {
      node.text = String(value.value ?? "");
      return node;
    }
    if (isSeq(value)) {
      for (const item of value.items) node.children.push(...entries(item));
      return node;
    }
    if (!isMap(value)) return node;
    for (const pair of value.items as Pair[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "";
      if (isScalar(pair.value)) {
        // A number keeps its text as written: `id: 004` is changeSet "004", not 4.
        const text = typeof pair.value.value === "number" && pair.value.source ? pair.value.source : String(pair.value.value ?? "");
        if (key === "sql" || key === "comment") node.text = text;
        node.attrs[key] = text;
      } else if (isSeq(pair.value)) {
        const list = element(key, pair.value, lineOf(pair.key as YamlNode));
        // `columns:`/`changes:` are wrappers of the elements they list.
        node.children.push(...(key === "changes" || key === "columns" || key === "databaseChangeLog" ? list.children : [list]));
      } else node.children.push(element(key, pair.value, lineOf(pair.key as YamlNode)));
    }
    return node;
  };
  const entries = (item: unknown): LbNode[] => {
    if (!isMap(item)) return [];
    return (item.items as Pair[]).map((pair) => element(isScalar(pair.key) ? String(pair.key.value) : "", pair.value, lineOf(pair.key as YamlNode)));
  };
  const contents = document.contents;
  if (!isMap(contents)) throw new Error("not a Liquibase changelog (no databaseChangeLog)");
  const log = (contents.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === "databaseChangeLog");
  if (!log) throw new Error("not a Liquibase changelog (no databaseChangeLog)");
  const root = element("databaseChangeLog", log.value, lineOf(log.key as YamlNode));
  return root;
}
