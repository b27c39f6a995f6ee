import { benchStartup } from "./startup.js";
import { benchSurvey } from "./survey.js";
import { benchTools } from "./tools.js";
import { benchTree } from "./tree.js";

/**
 * `npm run bench`: every bench in order, on one shared large tree (built once, then reused). A bench is an
 * exported async function of the tree's root that prints its own table; add the next one to this list.
 */
const benches: Array<(tree: string) => Promise<unknown>> = [benchTools, benchSurvey, () => benchStartup()];

const { root, files } = await benchTree();
console.log(`bench tree: ${files} files under ${root}`);
for (const bench of benches) await bench(root);
