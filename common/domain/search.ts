// Latin letters that Unicode does not decompose into a base letter and a mark.
const LETTERS_WITHOUT_DECOMPOSITION: Record<string, string> = { ß: "ss", ı: "i", ø: "o", ł: "l", đ: "d", æ: "ae", œ: "oe", þ: "th" };

/**
 * Text reduced for matching, word order kept: accents and case removed, ß → ss, punctuation to
 * single spaces ("Frankfurt (Oder)" → "frankfurt oder", "Yıldız" → "yildiz").
 */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[ßıøłđæœþ]/g, (c) => LETTERS_WITHOUT_DECOMPOSITION[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * Names reduced for matching: folded (foldForSearch) and the words sorted, so "Al-Hassan,
 * Mohammed" matches "Mohammed Al Hassan". Used on both sides: the server stores it, the search
 * compares with it.
 */
export function normalizeForSearch(...parts: (string | null | undefined)[]): string {
  return foldForSearch(parts.filter(Boolean).join(" ")).split(" ").filter(Boolean).sort().join(" ");
}
