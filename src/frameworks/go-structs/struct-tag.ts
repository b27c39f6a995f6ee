/**
 * A Go struct tag (`gorm:"column:email;uniqueIndex" db:"email" json:"email"`), read as reflect.StructTag
 * does: space-separated `key:"quoted value"` pairs.
 */
export function parseStructTag(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  while (i < tag.length) {
    while (tag[i] === " ") i += 1;
    const colon = tag.indexOf(":", i);
    if (colon < 0 || tag[colon + 1] !== '"') break;
    const key = tag.slice(i, colon);
    let j = colon + 2;
    let value = "";
    while (j < tag.length && tag[j] !== '"') {
      if (tag[j] === "\\" && j + 1 < tag.length) j += 1;
      value += tag[j];
      j += 1;
    }
    out.set(key, value);
    i = j + 1;
  }
  return out;
}

/** gorm's `column:name` setting from `gorm:"column:name;type:varchar(100)"`; `-` when the field is ignored. */
export function gormColumn(setting: string | undefined): string | null {
  if (setting === undefined) return null;
  if (setting.trim() === "-") return "-";
  for (const part of setting.split(";")) {
    const [key, ...rest] = part.split(":");
    if (key?.trim().toLowerCase() === "column") return rest.join(":").trim();
  }
  return null;
}
