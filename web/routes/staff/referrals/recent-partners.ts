/**
 * The partners a user referred to last (unit ids and names, no client data), offered as quick
 * choices: counselors refer to the same few partners again and again.
 */
export type Partner = { id: string; name: string };

const MAX = 5;
const storageKey = (userId: string) => `lotse.recentPartners.${userId}`;

export function recentPartners(userId: string): Partner[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(storageKey(userId)) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter((p): p is Partner => typeof p?.id === "string" && typeof p?.name === "string") : [];
  } catch {
    return [];
  }
}

export function rememberPartner(userId: string, partner: Partner): void {
  const next = [partner, ...recentPartners(userId).filter((p) => p.id !== partner.id)].slice(0, MAX);
  try {
    window.localStorage.setItem(storageKey(userId), JSON.stringify(next));
  } catch {
    // Private mode: no quick choices next time.
  }
}
