/**
 * Series colours for charts: each has at least 3:1 contrast against the white surface
 * (WCAG 2.1 1.4.11, non-text contrast) and they stay distinguishable for the common colour
 * vision deficiencies (after the Okabe–Ito palette, darkened where needed). Charts never rely on
 * colour alone: every chart has a data table and a text summary next to it.
 */
export const chartColors = ["#0b5c8e", "#c2410c", "#1c6b35", "#7b3f98", "#8a6d00", "#b0245a", "#3f5465"] as const;

/** Light to dark blue steps for a choropleth (lowest step still 3:1 against white's borders). */
export const choroplethColors = ["#c6dbef", "#6baed6", "#2b7bba", "#0b5c8e", "#08365a"] as const;
