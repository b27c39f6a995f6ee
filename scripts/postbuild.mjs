// tsc does not mark the CLI entry as executable; npm links it either way, but a direct ./dist/src/bin.js call needs the bit.
import { chmodSync, existsSync } from "node:fs";

const bin = new URL("../dist/src/bin.js", import.meta.url);
if (existsSync(bin)) chmodSync(bin, 0o755);
