/**
 * Which lines of one file version Read has shown. Write may replace a file only once the model has seen all
 * of its current text: one whole Read, or pages (offset/limit) that together cover every line.
 */
export class ReadCoverage {
  private readonly ranges: Array<[number, number]> = [];
  private totalLines: number | undefined;

  constructor(
    /** The sha256 of the bytes these lines came from; a change means starting over. */
    readonly fingerprint: string,
  ) {}

  /** Lines `first`..`last` were shown (none when last < first); `totalLines` once a Read reached the end. */
  add(first: number, last: number, totalLines?: number): void {
    if (last >= first) this.ranges.push([first, last]);
    if (totalLines !== undefined) this.totalLines = totalLines;
  }

  /** The whole file, as when the run itself wrote it. */
  static whole(fingerprint: string): ReadCoverage {
    const coverage = new ReadCoverage(fingerprint);
    coverage.totalLines = 0;
    return coverage;
  }

  isComplete(): boolean {
    if (this.totalLines === undefined) return false;
    let next = 1;
    for (const [first, last] of [...this.ranges].sort((a, b) => a[0] - b[0])) {
      if (first > next) return false;
      next = Math.max(next, last + 1);
    }
    return next > this.totalLines;
  }
}
