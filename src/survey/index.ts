/** The survey: what the repo is, found without a model (survey.md). */
export { survey } from "./survey.js";
export { parseTask } from "./task/parse-task.js";
export { renderSurveyForModel } from "./render.js";
export { redactCredentials } from "./redact.js";
