import { type FieldOfAction, germanStates, type StateCode } from "../../../../common/domain/units.js";

/**
 * Further sub-projects for the national statistics data set (npm run seed -- --scale national):
 * the real network had about 400 sub-projects in 2015–2022; the demo tree has a few per state
 * network. These fill each state network up in proportion to its size, in the four fields of the
 * demo tree (Faire Integration has its real centres). No sites: they are units for statistics.
 */
export type GeneratedSubProject = { key: string; stateCode: StateCode; name: string; shortName: string; fieldOfAction: FieldOfAction };

const fields: { field: FieldOfAction; share: number; name: string; short: string }[] = [
  { field: "recognition_counseling", share: 0.4, name: "Anerkennungs- und Qualifizierungsberatung", short: "AQB" },
  { field: "qualification", share: 0.3, name: "Qualifizierung im Kontext des Anerkennungsgesetzes", short: "Quali" },
  { field: "intercultural_competence", share: 0.18, name: "Interkulturelle Kompetenzentwicklung", short: "IKE" },
  { field: "immigration_employers", share: 0.12, name: "Fachkräfteeinwanderung", short: "FKE" },
];

/** `count` sub-projects spread over the state networks by `weights` (at least one recognition counseling each). */
export function generatedSubProjects(count: number, weights: Record<StateCode, number>): GeneratedSubProject[] {
  const total = germanStates.reduce((s, st) => s + weights[st.code], 0);
  const list: GeneratedSubProject[] = [];
  let left = count;
  germanStates.forEach((state, i) => {
    const n = i === germanStates.length - 1 ? left : Math.max(2, Math.round((count * weights[state.code]) / total));
    left -= n;
    let made = 0;
    for (const f of fields) {
      const inField = Math.max(f.field === "recognition_counseling" ? 1 : 0, Math.round(n * f.share));
      for (let k = 1; k <= inField && made < n; k++, made++) {
        list.push({
          key: `generated-sub-project:${state.code}:${f.field}:${k}`,
          stateCode: state.code,
          name: `${f.name} ${state.name} ${k} (Demo)`,
          shortName: `${f.short} ${state.abbr} ${k}`,
          fieldOfAction: f.field,
        });
      }
    }
  });
  return list;
}
