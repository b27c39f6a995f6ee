// A separate package's script: imports "migration-agent" by its package name and prints one JSON object.
import * as lib from "migration-agent";

const repo = process.env.REPO;
const report = { exports: Object.keys(lib).sort() };

if (process.argv[2] === "plan") {
  const events = [];
  report.result = await lib.planMigration({
    task: process.env.TASK,
    repo,
    out: process.env.OUT,
    onEvent: (event) => events.push(event.type),
  });
  report.events = events;
} else if (process.argv[2] === "survey") {
  const found = await lib.survey(repo, process.env.TASK);
  report.survey = { frameworks: found.frameworks.map((f) => f.id), engine: found.database.engine, column: found.column?.column };
  report.offline = await lib.planMigration({ task: process.env.TASK, repo, offline: true, env: {} });
} else {
  const cases = {
    noTask: { task: "  ", repo },
    missingRepo: { task: "rename users.email", repo: `${repo}/no-such-folder` },
    badMaxTurns: { task: "rename users.email", repo, maxTurns: -1 },
    noApiKey: { task: "rename users.email", repo, env: {} },
  };
  report.errors = {};
  for (const [name, options] of Object.entries(cases)) {
    try {
      report.errors[name] = { threw: false, result: await lib.planMigration(options) };
    } catch (error) {
      report.errors[name] = {
        threw: true,
        usageError: error instanceof lib.UsageError,
        migrationAgentError: error instanceof lib.MigrationAgentError,
        exitCode: error.exitCode,
        subtype: error.subtype,
        message: error.message,
      };
    }
  }
}
process.stdout.write(JSON.stringify(report));
