/**
 * The working unit: a user with grants on several units chooses the one they work for.
 * The choice is remembered per user in localStorage; lists and filters default to it.
 */
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import type { Role, SessionUser, UnitType } from "../api/types.js";

export type WorkingUnitOption = { unitId: string; unitName: string; unitType: UnitType | string; roles: Role[] };

type WorkingUnitState = {
  options: WorkingUnitOption[];
  current: WorkingUnitOption | null;
  select: (unitId: string) => void;
};

const WorkingUnitContext = createContext<WorkingUnitState>({ options: [], current: null, select: () => {} });

const storageKey = (userId: string) => `lotse.workingUnit.${userId}`;

/** One option per unit; several roles on one unit are merged. */
function workingUnitOptions(user: SessionUser): WorkingUnitOption[] {
  const byUnit = new Map<string, WorkingUnitOption>();
  for (const g of user.grants) {
    const entry = byUnit.get(g.unitId) ?? { unitId: g.unitId, unitName: g.unitName, unitType: g.unitType, roles: [] };
    if (!entry.roles.includes(g.role)) entry.roles.push(g.role);
    byUnit.set(g.unitId, entry);
  }
  return [...byUnit.values()];
}

function readStored(userId: string): string | null {
  try {
    return window.localStorage.getItem(storageKey(userId));
  } catch {
    return null;
  }
}

export function WorkingUnitProvider({ user, children }: { user: SessionUser; children: ReactNode }) {
  const options = useMemo(() => workingUnitOptions(user), [user]);
  const [chosen, setChosen] = useState<string | null>(() => readStored(user.id));
  const current = options.find((o) => o.unitId === chosen) ?? options[0] ?? null;

  const select = useCallback(
    (unitId: string) => {
      setChosen(unitId);
      try {
        window.localStorage.setItem(storageKey(user.id), unitId);
      } catch {
        // Private mode: the choice lasts for this page only.
      }
    },
    [user.id],
  );

  const value = useMemo(() => ({ options, current, select }), [options, current, select]);
  return <WorkingUnitContext.Provider value={value}>{children}</WorkingUnitContext.Provider>;
}

export const useWorkingUnit = () => useContext(WorkingUnitContext);
