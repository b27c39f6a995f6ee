#!/usr/bin/env node
import { oneLine } from "./errors.js";
import { main } from "./cli/main.js";

// stdout carries only the summary, the JSON or the MCP protocol: a stray console.log goes to stderr.
console.log = console.error;
console.info = console.error;

// Node would print a stack trace and die; we die with one line instead.
function fatal(error: unknown): never {
  process.stderr.write(`migration-agent: ${oneLine(error)}\n`);
  process.exit(1);
}
process.on("uncaughtException", fatal);
process.on("unhandledRejection", fatal);

// A reader that goes away (`| head`) is not an error worth a stack trace.
process.stdout.on("error", () => process.exit(process.exitCode ?? 1));

const exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: process.stdin,
  cwd: process.cwd(),
  // A plain copy: planMigration checks that env is a plain record, which process.env is not.
  env: { ...process.env },
  // The handler stays for the life of the process (see interrupt.ts).
  onInterrupt: (listener) => process.on("SIGINT", listener),
  exit: (code) => process.exit(code),
});

// Exit once the output is flushed, not when the SDK's idle keep-alive sockets close.
process.stdout.write("", () => process.stderr.write("", () => process.exit(exitCode)));
