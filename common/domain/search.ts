// Latin letters that Unicode does not decompose into a base letter and a mark.
const LETTERS_WITHOUT_DECOMPOSITION: Record<string, string> = { ß: "ss", ı: "i", ø: "o", ł: "l", đ: "d", æ: "ae", œ: "oe", þ: "th" };

/**
 * Text reduced for matching: accents and case removed, ß → ss, punctuation to spaces, the
 * words sorted (so "Al-Hassan, Mohammed" matches "Mohammed Al Hassan", "Yıldız" matches "Yildiz"). Used on both sides:
 * the server stores it, the search compares with it.
 */
export function normalizeForSearch(...parts: (string | null | undefined)[]): string {
  const words = parts
    .filter(Boolean)
    .join(" ")
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[ßıøłđæœþ]/g, (c) => LETTERS_WITHOUT_DECOMPOSITION[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
  return words.sort().join(" ");
}
