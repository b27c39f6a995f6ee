import type { ReferentialAction } from "../model/schema.js";

/** `CASCADE`, `set null`, `SetNull`, `NO ACTION`, `Restrict` → the model's action; null for anything else. */
export function referentialAction(text: string | null | undefined): ReferentialAction | null {
  if (!text) return null;
  const key = text.replace(/[\s_]/g, "").toLowerCase();
  const actions: Record<string, ReferentialAction> = {
    cascade: "cascade", restrict: "restrict", noaction: "no_action", setnull: "set_null", setdefault: "set_default",
  };
  return actions[key] ?? null;
}
