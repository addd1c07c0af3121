/**
 * The adversary of the disclosure tests: given what a set of published tables shows, which
 * hidden values can be worked out exactly? Every published relation is a linear equation
 * (cells sum to their margins and total); the attacker knows each shown value, that a value
 * shown as "<3" lies in 1…2 and a hidden one otherwise in min…∞, and solves by constraint
 * propagation and search. Exhaustive for the small tables of the tests. Not used by the app.
 */

export type Unknown = { id: string; lo: number; hi: number };
/** Σ coefficient × value = constant, over unknowns (known values are folded into the constant). */
export type Equation = { terms: { id: string; coefficient: number }[]; constant: number };

type Domains = Map<string, { lo: number; hi: number }>;

function propagate(domains: Domains, equations: readonly Equation[]): boolean {
  for (let changed = true; changed; ) {
    changed = false;
    for (const eq of equations) {
      for (const t of eq.terms) {
        // t.coefficient × x = constant − Σ others; bound the others' sum.
        let lo = eq.constant;
        let hi = eq.constant;
        for (const o of eq.terms) {
          if (o === t) continue;
          const d = domains.get(o.id)!;
          const a = o.coefficient * d.lo;
          const b = o.coefficient * d.hi;
          lo -= Math.max(a, b);
          hi -= Math.min(a, b);
        }
        const [xlo, xhi] = t.coefficient > 0 ? [lo / t.coefficient, hi / t.coefficient] : [hi / t.coefficient, lo / t.coefficient];
        const d = domains.get(t.id)!;
        const nlo = Math.max(d.lo, Math.ceil(xlo - 1e-9));
        const nhi = Math.min(d.hi, Math.floor(xhi + 1e-9));
        if (nlo > nhi) return false;
        if (nlo !== d.lo || nhi !== d.hi) {
          domains.set(t.id, { lo: nlo, hi: nhi });
          changed = true;
        }
      }
    }
  }
  return true;
}

function satisfiable(domains: Domains, equations: readonly Equation[]): boolean {
  if (!propagate(domains, equations)) return false;
  let branch: string | undefined;
  for (const [id, d] of domains)
    if (d.lo < d.hi && (!branch || d.hi - d.lo < domains.get(branch)!.hi - domains.get(branch)!.lo)) branch = id;
  if (!branch) return equations.every((eq) => eq.terms.reduce((s, t) => s + t.coefficient * domains.get(t.id)!.lo, 0) === eq.constant);
  const d = domains.get(branch)!;
  for (let v = d.lo; v <= d.hi; v++) {
    const next = new Map(domains);
    next.set(branch, { lo: v, hi: v });
    if (satisfiable(next, equations)) return true;
  }
  return false;
}

/** The values each of the `targets` can take given everything published. */
export function feasibleValues(
  unknowns: readonly Unknown[],
  equations: readonly Equation[],
  targets: readonly string[],
): Map<string, number[]> {
  const start: Domains = new Map(unknowns.map((u) => [u.id, { lo: u.lo, hi: u.hi }]));
  if (!propagate(start, equations)) throw new Error("the published tables contradict themselves");
  const result = new Map<string, number[]>();
  for (const id of targets) {
    const d = start.get(id)!;
    const values: number[] = [];
    for (let v = d.lo; v <= d.hi; v++) {
      const domains = new Map(start);
      domains.set(id, { lo: v, hi: v });
      if (satisfiable(domains, equations)) values.push(v);
    }
    result.set(id, values);
  }
  return result;
}
