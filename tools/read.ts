import { constants } from "node:fs";
import { open, stat } from "node:fs/promises";
import { extname } from "node:path";
import { z } from "zod";
import { ToolFailure } from "../src/errors.js";
import {
  BINARY_SNIFF_BYTES,
  READ_DEFAULT_LINES,
  READ_MAX_ANSWER_BYTES,
  READ_MAX_LINE_CHARS,
} from "../src/search/limits.js";
import { toolDescription } from "./description.js";
import { wholeNumber } from "./params.js";
import type { ToolContext, ToolDefinition } from "./tool.js";

export const readInput = z.strictObject({
  file_path: z.string().describe("The file to read: absolute, or relative to the repository root"),
  offset: wholeNumber(0, "The first line to show, counting from 1").optional(),
  limit: wholeNumber(1, "How many lines to show").optional(),
});

/** Archives, images, databases and compiled files: never text, whatever their first bytes say. */
const BINARY_EXTENSIONS = new Set(
  (
    ".zip .gz .tgz .tar .bz2 .xz .7z .rar .jar .war .ear .whl .png .jpg .jpeg .gif .bmp .ico .webp .tif .tiff .psd " +
    ".pdf .sqlite .sqlite3 .db .mdb .accdb .dump .so .dylib .dll .exe .bin .class .pyc .o .a .wasm .woff .woff2 .ttf " +
    ".otf .eot .mp3 .mp4 .mov .avi .wav .ogg .flac"
  ).split(" "),
);
const CHUNK_BYTES = 64 * 1024;

export const readTool: ToolDefinition<typeof readInput> = {
  name: "Read",
  description: toolDescription("read"),
  inputSchema: readInput,
  run: readFile,
};

async function readFile(input: z.output<typeof readInput>, { workspace, signal }: ToolContext): Promise<string> {
  const path = await workspace.resolveForRead(input.file_path);
  const info = await stat(path);
  if (info.isDirectory()) {
    throw new ToolFailure(`${input.file_path} is a folder, not a file; list it with Glob.`);
  }
  if (!info.isFile()) throw notRegular(input.file_path);
  if (BINARY_EXTENSIONS.has(extname(path).toLowerCase())) {
    throw new ToolFailure(`${input.file_path} is a binary file (${extname(path)}); Read shows text files only.`);
  }
  const first = Math.max(input.offset ?? 1, 1);
  const last = first + (input.limit ?? READ_DEFAULT_LINES) - 1;
  const rows: string[] = [];
  let bytes = 0;
  let lineCount = 0;
  let stoppedAt: number | undefined;

  // Non-blocking, and checked again once open: a FIFO swapped in after the stat must not hang the run.
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!(await handle.stat()).isFile()) throw notRegular(input.file_path);
    const sniff = Buffer.alloc(BINARY_SNIFF_BYTES);
    const { bytesRead } = await handle.read(sniff, 0, BINARY_SNIFF_BYTES, 0);
    if (sniff.subarray(0, bytesRead).includes(0)) {
      throw new ToolFailure(`${input.file_path} is a binary file; Read shows text files only.`);
    }
    // Lines stream in chunks: a huge file costs only what is shown (and a count, for an offset past its end).
    const decoder = new TextDecoder("utf-8");
    let pending = "";
    const take = (line: string): boolean => {
      lineCount += 1;
      if (lineCount < first) return true;
      if (lineCount > last) {
        stoppedAt = lineCount;
        return false;
      }
      const row = `${lineCount}\t${shown(line.endsWith("\r") ? line.slice(0, -1) : line)}`;
      const size = Buffer.byteLength(row) + 1;
      if (bytes + size > READ_MAX_ANSWER_BYTES && rows.length > 0) {
        stoppedAt = lineCount;
        return false;
      }
      rows.push(row);
      bytes += size;
      return true;
    };
    const buffer = Buffer.alloc(CHUNK_BYTES);
    let position = 0;
    let going = true;
    while (going) {
      signal?.throwIfAborted();
      const { bytesRead: size } = await handle.read(buffer, 0, CHUNK_BYTES, position);
      if (size === 0) break;
      position += size;
      pending += decoder.decode(buffer.subarray(0, size), { stream: true });
      let newline = pending.indexOf("\n");
      let start = 0;
      while (newline !== -1 && going) {
        going = take(pending.slice(start, newline));
        start = newline + 1;
        newline = pending.indexOf("\n", start);
      }
      pending = pending.slice(start);
    }
    if (going && pending.length > 0) take(pending);
  } finally {
    await handle.close();
  }

  // What the model has now seen of this version of the file: pages that together cover it allow a Write.
  await workspace.recordRead(path, first, first + rows.length - 1, stoppedAt === undefined ? lineCount : undefined);
  if (lineCount === 0) return `(The file ${input.file_path} exists but is empty.)`;
  if (rows.length === 0) {
    return `(The file ${input.file_path} has ${lineCount} line${lineCount === 1 ? "" : "s"}; offset ${first} is past its end.)`;
  }
  if (stoppedAt !== undefined) {
    return `${rows.join("\n")}\n\n(The file has more lines. Call Read with offset=${stoppedAt} to continue.)`;
  }
  return rows.join("\n");
}

function notRegular(path: string): ToolFailure {
  return new ToolFailure(`${path} is not a regular file (a pipe, socket or device); Read shows text files only.`);
}

function shown(line: string): string {
  if (line.length <= READ_MAX_LINE_CHARS) return line;
  return `${line.slice(0, READ_MAX_LINE_CHARS)} [… line cut: ${line.length} characters in all]`;
}
