/**
 * View models are rebuilt from the app state on every change; a memo returns the previous model
 * while its inputs are the same objects, so the element given it skips its render (lit compares
 * properties by identity) and nothing is recomputed for an unrelated change.
 */

/** Shallow identity of two argument lists. */
export function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}

/** `f` remembered for its last arguments (compared one by one by identity). */
export function memoize<A extends readonly unknown[], R>(f: (...args: A) => R): (...args: A) => R {
  let last: { args: A; value: R } | null = null;
  return (...args: A): R => {
    if (last && sameInputs(last.args, args)) return last.value;
    const value = f(...args);
    last = { args, value };
    return value;
  };
}

/** The previous object when every field is the same (by identity), else the new one. */
export function stable<T extends object>(prev: T | null, next: T): T {
  if (!prev) return next;
  const a = Object.keys(prev) as (keyof T)[];
  const b = Object.keys(next) as (keyof T)[];
  return a.length === b.length && b.every((k) => Object.is(prev[k], next[k])) ? prev : next;
}
