import type { Unit } from "../../../api/types.js";

/**
 * Orders units depth-first (parents before children, siblings by name). Units whose parent
 * is not in the list start a tree of their own, so a filtered list still reads sensibly.
 */
export function treeOrder(units: readonly Unit[]): { unit: Unit; level: number }[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, Unit[]>();
  for (const u of units) {
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(u);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.name.localeCompare(b.name, "de"));
  const result: { unit: Unit; level: number }[] = [];
  const visit = (parent: string | null, level: number) => {
    for (const u of children.get(parent) ?? []) {
      result.push({ unit: u, level });
      visit(u.id, level + 1);
    }
  };
  visit(null, 0);
  return result;
}

/** The ids of a unit and everything below it, within the given list. */
export function subtreeIds(units: readonly Unit[], rootId: string): Set<string> {
  const result = new Set<string>([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) {
      if (u.parentId && result.has(u.parentId) && !result.has(u.id)) {
        result.add(u.id);
        grew = true;
      }
    }
  }
  return result;
}
