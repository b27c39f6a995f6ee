import { oneLine } from "./errors.js";
import type { RunHooks } from "./run.js";
import type { Survey } from "./survey/types.js";
import type { Workspace } from "./workspace.js";

/**
 * The survey, the rule table and the offline planner, wired for one run: the survey is made once and serves
 * the model's first message, the safety check of its plan, and the offline plan. Loaded lazily so that
 * `--help` and usage errors never pay for them.
 */
export function defaultHooks(): RunHooks {
  let surveyed: Promise<Survey> | undefined;
  // The plan file this run writes is its output, not code that uses the column: the survey leaves it out.
  const surveyOnce = async (workspace: Workspace, task: string, signal?: AbortSignal): Promise<Survey> => {
    const { survey } = await import("./survey/index.js");
    return (surveyed ??= survey(workspace.root, task, { signal, skip: [workspace.planRelative] }));
  };
  return {
    async survey(workspace, task, signal) {
      try {
        const { renderSurveyForModel } = await import("./survey/render.js");
        return renderSurveyForModel(await surveyOnce(workspace, task, signal));
      } catch (error) {
        if (signal?.aborted) throw error;
        // The model can still explore with its tools; it is told the survey is missing and why.
        return `The survey could not be made (${oneLine(error)}); explore the repository with the tools.`;
      }
    },
    async safetyCheck(plan) {
      const found = await surveyed?.catch(() => undefined);
      if (!found) return [];
      const { checkPlanSafety } = await import("./rules/check.js");
      return checkPlanSafety(plan, found);
    },
    async offline(options, workspace) {
      const { runOffline } = await import("./run-offline.js");
      return runOffline(await surveyOnce(workspace, options.task, options.signal), workspace, options.signal);
    },
  };
}
