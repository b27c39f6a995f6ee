import { appendFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";

type Fetch = typeof globalThis.fetch;

/**
 * The --transcript file: every Messages API request body and response body of the run, one JSON object a
 * line. Headers are never recorded, so the key cannot end up in it. Writes are synchronous so lines keep
 * the order in which things happened, even when a run is cut short.
 */
export class Transcript {
  readonly path: string;

  constructor(file: string) {
    this.path = resolve(file);
    writeFileSync(this.path, "");
  }

  request(body: unknown): void {
    this.#line({ type: "request", body });
  }

  response(status: number, body: unknown): void {
    this.#line({ type: "response", status, body });
  }

  #line(entry: object): void {
    appendFileSync(this.path, `${JSON.stringify(entry)}\n`);
  }

  /**
   * A fetch for the SDK client that records each request body and each non-streamed response body (errors,
   * mostly). A streamed reply is recorded by the loop as the final message it assembles.
   */
  fetch(inner: Fetch = globalThis.fetch): Fetch {
    return async (input, init) => {
      if (typeof init?.body === "string") this.request(parseJson(init.body));
      const response = await inner(input, init);
      if (!response.headers.get("content-type")?.includes("text/event-stream")) {
        this.response(response.status, parseJson(await response.clone().text()));
      }
      return response;
    };
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
