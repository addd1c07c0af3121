/**
 * Disclosure control (Geheimhaltung) of the monitoring's tables (decision 0007).
 *
 * Primary suppression: a count 0 < n < min ("<3") is not shown. Secondary suppression: further
 * cells are hidden until no suppressed count can be worked out from what is shown — the cells,
 * the margins (row and column totals), the grand total, and the shares derived from them.
 *
 * A table is a set of linear equations: every line (a row, a column, the margin row and column)
 * sums to zero when margins are counted negatively. An attacker knows every shown entry, that a
 * primary entry lies in [1, min − 1], that a secondary one is at least min (else it would be
 * primary), and that absent cells are zero. A primary entry is safe when it can move by ±1 while
 * all equations still hold and every suppressed entry stays within what the attacker knows: then
 * it has at least two possible values. Moves live on cycles of suppressed entries (a row, then a
 * column, …); `movable` searches for one. The search runs on the table's own equations, so the
 * rule is proven per table; a margin is suppressed exactly as in its own one-way table (the
 * report by that dimension alone), so tables that share margins stay consistent.
 */

export type Entry = {
  /** Canonical id (codes, not labels): ties are broken by it, so results are reproducible. */
  id: string;
  /** The lines the entry takes part in; the second is null for a one-way table's single line. */
  nodes: readonly [string, string | null];
  /** +1 for cells and the grand total of a two-way table, −1 for margins: each line sums to 0. */
  sign: 1 | -1;
  value: number;
  /** Whether it may be hidden as a secondary suppression (inner cells; never margins or total). */
  candidate: boolean;
  /** Suppression decided elsewhere (a margin in its own table; a total below the minimum). */
  fixed?: Suppression;
  /** For shares: the public count the value is a part of (the share's denominator). */
  base?: number;
};

export type Suppression = "primary" | "secondary";

/** What an attacker knows about a suppressed entry's value. */
export type Knowledge = (entry: Entry, kind: Suppression) => { lo: number; hi: number };

/** For counts: primary means 1 … min−1, secondary at least min. */
export const countKnowledge =
  (min: number): Knowledge =>
  (_entry, kind) =>
    kind === "primary" ? { lo: 1, hi: min - 1 } : { lo: min, hi: Number.POSITIVE_INFINITY };

export const isBelowMinimum = (value: number, min: number) => value > 0 && value < min;

/**
 * For shares of a public base (refugee share: the first consultations are published): the part
 * is suppressed when below the minimum or when the base itself is (then even 0 % says too much).
 */
export const isSharePrimary = (min: number) => (e: Entry) =>
  isBelowMinimum(e.value, min) || (e.base !== undefined && e.base > 0 && e.base < min);

export const shareKnowledge =
  (min: number): Knowledge =>
  (entry, kind) => {
    const base = entry.base ?? Number.POSITIVE_INFINITY;
    if (kind === "primary") return base < min ? { lo: 0, hi: base } : { lo: 1, hi: min - 1 };
    return { lo: min, hi: base };
  };

/** Shares without "<3" labels: a hidden part is anything from 0 to its base. */
export const unlabelledShareKnowledge: Knowledge = (entry) => ({ lo: 0, hi: entry.base ?? Number.POSITIVE_INFINITY });

/** What the attacker knows when "<3" is not written: a hidden count is at least 1. */
export const unlabelledCountKnowledge: Knowledge = () => ({ lo: 1, hi: Number.POSITIVE_INFINITY });

export type Protection = {
  /** The suppressed entries by id. */
  suppressed: Map<string, Suppression>;
  /**
   * Whether the table may say which hidden counts are below the minimum ("<3"). Rarely the label
   * itself gives values away (a row of two "<3" adding up to 4: both are 2); then every hidden
   * inner cell is shown alike and the attacker only knows it is at least 1.
   */
  labelled: boolean;
  /**
   * Whether even hiding every cell leaves a primary entry determined — by the mere presence of
   * the cells: three categories of a total of 3 are 1 each. Such a table is published without
   * its cells (withheld): only its total.
   */
  withheld: boolean;
};

/**
 * Suppresses the primary entries and then, as few and as small further cells as the heuristic
 * finds, until every primary entry is movable. `unlabelled` is what the attacker knows of an
 * inner cell when the table carries no "<3" labels.
 */
export function protect(
  entries: readonly Entry[],
  isPrimary: (e: Entry) => boolean,
  knowledge: Knowledge,
  unlabelled: Knowledge = unlabelledCountKnowledge,
): Protection {
  const sorted = [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const suppressed = new Map<string, Suppression>();
  for (const e of sorted) {
    if (e.fixed) suppressed.set(e.id, e.fixed);
    else if (isPrimary(e)) suppressed.set(e.id, "primary");
  }
  const byNode = new Map<string, Entry[]>();
  for (const e of sorted) for (const node of e.nodes) if (node !== null) byNode.set(node, [...(byNode.get(node) ?? []), e]);
  const nodes = [...byNode.keys()].sort();

  const smallestCandidate = (pool: readonly Entry[]): Entry | undefined => {
    let best: Entry | undefined;
    for (const e of pool) {
      if (!e.candidate || suppressed.has(e.id) || e.value <= 0) continue;
      if (!best || e.value < best.value || (e.value === best.value && e.id < best.id)) best = e;
    }
    return best;
  };

  const movableBy = (know: Knowledge, p: Entry, d: 1 | -1): boolean => {
    const own = know(p, suppressed.get(p.id)!);
    if (p.value + d < own.lo || p.value + d > own.hi) return false;
    const yMove = p.sign * d;
    const [start, target] = p.nodes;
    const queue: [string, number][] = [[start, -yMove]];
    const seen = new Set([`${start}|${-yMove}`]);
    while (queue.length) {
      const [node, need] = queue.shift()!;
      for (const e of byNode.get(node) ?? []) {
        const kind = suppressed.get(e.id);
        if (e === p || !kind) continue;
        // e moves by `need` in its line's terms, i.e. its value by need × sign.
        const bounds = know(e, kind);
        const moved = e.value + need * e.sign;
        if (moved < bounds.lo || moved > bounds.hi) continue;
        const other = e.nodes[0] === node ? e.nodes[1] : e.nodes[0];
        if (other === target) {
          if (need === -yMove) return true;
          continue;
        }
        if (other === null) continue;
        const key = `${other}|${-need}`;
        if (!seen.has(key)) {
          seen.add(key);
          queue.push([other, -need]);
        }
      }
    }
    return false;
  };

  /** Widens the suppression until every primary entry can move; returns those that still cannot. */
  const settle = (know: Knowledge): Set<string> => {
    const hopeless = new Set<string>();
    for (;;) {
      let changed = false;
      // A line with exactly one suppressed entry gives it away: hide the smallest other cell too.
      for (const node of nodes) {
        const line = byNode.get(node)!;
        if (line.filter((e) => suppressed.has(e.id)).length !== 1) continue;
        const extra = smallestCandidate(line);
        if (extra) {
          suppressed.set(extra.id, "secondary");
          changed = true;
        }
      }
      if (changed) continue;
      // Then every primary entry must be able to move; if one cannot, widen around it.
      for (const p of sorted) {
        if (suppressed.get(p.id) !== "primary" || hopeless.has(p.id)) continue;
        if (movableBy(know, p, 1) || movableBy(know, p, -1)) continue;
        const near = p.nodes.flatMap((n) => (n === null ? [] : (byNode.get(n) ?? [])));
        const extra = smallestCandidate(near) ?? smallestCandidate(sorted);
        if (extra) {
          suppressed.set(extra.id, "secondary");
          changed = true;
          break;
        }
        hopeless.add(p.id); // everything that could be hidden is hidden
      }
      if (!changed) return hopeless;
    }
  };

  if (settle(knowledge).size === 0) return { suppressed, labelled: true, withheld: false };
  // Without labels on the inner cells (margins and totals keep those of their own tables).
  const hopeless = settle((e, kind) => (e.candidate ? unlabelled(e, kind) : knowledge(e, kind)));
  return { suppressed, labelled: false, withheld: hopeless.size > 0 };
}

// ---------------------------------------------------------------------------------------------
// The table shapes of the reports
// ---------------------------------------------------------------------------------------------

export type Cell = { key: string; value: number; base?: number };

export type ProtectOptions = { knowledge?: Knowledge; unlabelled?: Knowledge; isPrimary?: (e: Entry) => boolean };

/** A one-way table: cells and their total (the total is hidden only when below the minimum). */
export function protectList(
  cells: readonly Cell[],
  total: { value: number; base?: number },
  min: number,
  options: ProtectOptions = {},
): { cells: Map<string, Suppression>; total: Suppression | null; labelled: boolean; withheld: boolean } {
  const isPrimary = options.isPrimary ?? ((e: Entry) => isBelowMinimum(e.value, min));
  const totalEntry: Entry = { id: "total", nodes: ["line", null], sign: -1, value: total.value, base: total.base, candidate: false };
  if (isPrimary(totalEntry)) totalEntry.fixed = "primary";
  const entries: Entry[] = [
    ...cells.map((c): Entry => ({ id: `cell:${c.key}`, nodes: ["line", null], sign: 1, value: c.value, base: c.base, candidate: true })),
    totalEntry,
  ];
  const { suppressed, labelled, withheld } = protect(entries, isPrimary, options.knowledge ?? countKnowledge(min), options.unlabelled);
  const out = new Map<string, Suppression>();
  for (const c of cells) {
    const s = suppressed.get(`cell:${c.key}`);
    if (s) out.set(c.key, s);
  }
  return { cells: out, total: suppressed.get("total") ?? null, labelled, withheld };
}

export type Margin = { key: string; value: number; base?: number; suppressed: Suppression | null };

/**
 * A two-way table. Its margins and total come with the suppression of their own one-way tables
 * (protectList by each dimension alone); only inner cells are hidden here.
 */
export function protectGrid(
  cells: readonly { row: string; col: string; value: number; base?: number }[],
  rows: readonly Margin[],
  cols: readonly Margin[],
  total: { value: number; base?: number; suppressed: Suppression | null },
  min: number,
  options: ProtectOptions = {},
): { cells: Map<string, Suppression>; labelled: boolean; withheld: boolean } {
  const isPrimary = options.isPrimary ?? ((e: Entry) => isBelowMinimum(e.value, min));
  const entries: Entry[] = [
    ...cells.map(
      (c): Entry => ({
        id: gridKey(c.row, c.col),
        nodes: [`r:${c.row}`, `c:${c.col}`],
        sign: 1,
        value: c.value,
        base: c.base,
        candidate: true,
      }),
    ),
    ...rows.map(
      (m): Entry => ({
        id: `row:${m.key}`,
        nodes: [`r:${m.key}`, "c:*"],
        sign: -1,
        value: m.value,
        base: m.base,
        candidate: false,
        ...(m.suppressed ? { fixed: m.suppressed } : {}),
      }),
    ),
    ...cols.map(
      (m): Entry => ({
        id: `col:${m.key}`,
        nodes: ["r:*", `c:${m.key}`],
        sign: -1,
        value: m.value,
        base: m.base,
        candidate: false,
        ...(m.suppressed ? { fixed: m.suppressed } : {}),
      }),
    ),
    {
      id: "total",
      nodes: ["r:*", "c:*"],
      sign: 1,
      value: total.value,
      base: total.base,
      candidate: false,
      ...(total.suppressed ? { fixed: total.suppressed } : {}),
    },
  ];
  const { suppressed, labelled, withheld } = protect(
    entries,
    (e) => e.candidate && isPrimary(e),
    options.knowledge ?? countKnowledge(min),
    options.unlabelled,
  );
  const out = new Map<string, Suppression>();
  for (const c of cells) {
    const s = suppressed.get(gridKey(c.row, c.col));
    if (s) out.set(gridKey(c.row, c.col), s);
  }
  return { cells: out, labelled, withheld };
}

export const gridKey = (row: string, col: string) => `cell:${row}\u0000${col}`;

/**
 * A ranked list (top N and "other") cut from a protected one-way table: the listed cells keep
 * their suppression; "other" is hidden when suppressed cells lie both inside and outside the
 * list — shown, it would split their sum and give one away. Its sum is then only known as a
 * whole, as in the full table.
 */
export function topList(
  cells: readonly Cell[],
  suppression: ReadonlyMap<string, Suppression>,
  n: number,
): { top: Cell[]; other: { value: number; suppressed: boolean } | null } {
  const ranked = [...cells].sort((a, b) => b.value - a.value || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const top = ranked.slice(0, n);
  const rest = ranked.slice(n);
  if (rest.length === 0) return { top, other: null };
  const hiddenIn = top.some((c) => suppression.has(c.key));
  const hiddenOut = rest.some((c) => suppression.has(c.key));
  return { top, other: { value: rest.reduce((s, c) => s + c.value, 0), suppressed: hiddenIn && hiddenOut } };
}
