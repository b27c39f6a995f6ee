/** Plain-SQL runners (golang-migrate, goose, dbmate) share folders and file names; an annotation tells them apart. */
import { naturalSort } from "./common.js";
import type { RepoView } from "../repo-view.js";

export async function sqlFilesWith(repo: RepoView, marker: RegExp, exclude: RegExp = /(^|\/)prisma\/|\/migration\.sql$/): Promise<string[]> {
  const candidates = repo.files.filter((f) => /\.sql$/i.test(f) && /migrat|(^|\/)db\//i.test(f) && !exclude.test(f));
  const found: string[] = [];
  for (const file of candidates) {
    const text = await repo.read(file);
    if (text && marker.test(text)) found.push(file);
  }
  return naturalSort(found);
}
