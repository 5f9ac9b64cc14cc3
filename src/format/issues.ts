/** A problem with a scenario, located by the path of the field it concerns. */
export interface Issue {
  /** e.g. "hospitals[12].history[2]" ("" for the whole file). */
  path: string;
  message: string;
}

export const formatIssue = (i: Issue): string => (i.path ? `${i.path}: ${i.message}` : i.message);

/** Thrown when a scenario cannot be settled; carries every problem found. */
export class ScenarioError extends Error {
  constructor(readonly issues: Issue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'ScenarioError';
  }
}

/** Collects issues; `cap` keeps a broken 100,000-row file from producing a million lines. */
export class Issues {
  readonly list: Issue[] = [];
  constructor(readonly cap = 1000) {}
  add(path: string, message: string): void {
    if (this.list.length < this.cap) this.list.push({ path, message });
  }
  get any(): boolean {
    return this.list.length > 0;
  }
  throwIfAny(): void {
    if (this.any) throw new ScenarioError(this.list);
  }
}
