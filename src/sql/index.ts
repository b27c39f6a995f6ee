/** The SQL side of the schema model: dialect readers (text → operations) and renderers (operations → SQL). */
export { readSql, readSqlText, type SqlRead } from "./read.js";
export { renderOperation, type RenderContext } from "./render/operation.js";
export { renderCreateTable, type RenderedTable } from "./render/table.js";
export { hasPlaceholder, placeholder, typedLiteral } from "./literal.js";
export { quoteIdentifier, quoteQualified, quoteString } from "./render/quote.js";
