import { createHash } from "node:crypto";

/**
 * Seeded randomness for the generator: every stream is derived from the seed and a label, so
 * one part of the plan can change without shifting the random numbers of another.
 */
export type Random = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** An index drawn with the given weights. */
  weighted(weights: readonly number[]): number;
  /** A UUID (version 4 layout) from the stream: the same seed gives the same ids. */
  uuid(): string;
};

export function randomStream(seed: number, label: string): Random {
  const h = createHash("sha256").update(`${seed}:${label}`).digest();
  // sfc32: small, fast, good enough for synthetic data.
  let a = h.readUInt32LE(0);
  let b = h.readUInt32LE(4);
  let c = h.readUInt32LE(8);
  let d = h.readUInt32LE(12);
  const u32 = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) u32();
  const next = () => u32() / 4294967296;
  const hex = (n: number) => n.toString(16).padStart(8, "0");
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted(weights) {
      let total = 0;
      for (const w of weights) total += w;
      let r = next() * total;
      for (let i = 0; i < weights.length; i++) {
        r -= weights[i]!;
        if (r < 0) return i;
      }
      return weights.length - 1;
    },
    uuid() {
      const s = hex(u32()) + hex(u32()) + hex(u32()) + hex(u32());
      const v = ((Number.parseInt(s[16]!, 16) & 0x3) | 0x8).toString(16);
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${v}${s.slice(17, 20)}-${s.slice(20, 32)}`;
    },
  };
}

/** Fisher–Yates, in place. */
export function shuffle<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/**
 * Splits an integer total into integer parts proportional to the weights (largest remainder),
 * each part at most its cap: parts at their cap are fixed and the rest is split again. The parts
 * add up to the total exactly — the generator's one tool for exact published figures.
 */
export function apportion(total: number, weights: readonly number[], caps?: readonly number[]): number[] {
  const parts = weights.map(() => 0);
  const open = new Set(weights.map((_, i) => i).filter((i) => weights[i]! > 0 && (caps?.[i] ?? Number.POSITIVE_INFINITY) > 0));
  let left = total;
  while (left > 0) {
    if (open.size === 0) throw new Error(`apportion: ${left} of ${total} cannot be placed under the caps`);
    const ids = [...open];
    const sum = ids.reduce((s, i) => s + weights[i]!, 0);
    const exact = ids.map((i) => (left * weights[i]!) / sum);
    const share = exact.map(Math.floor);
    let rest = left - share.reduce((s, x) => s + x, 0);
    const order = ids.map((_, k) => k).sort((x, y) => exact[y]! - share[y]! - (exact[x]! - share[x]!) || x - y);
    for (const k of order) {
      if (rest === 0) break;
      share[k]! += 1;
      rest--;
    }
    let overflow = false;
    ids.forEach((i, k) => {
      const cap = caps?.[i] ?? Number.POSITIVE_INFINITY;
      const room = cap - parts[i]!;
      if (share[k]! >= room) {
        parts[i] = cap;
        left -= room;
        open.delete(i);
        overflow ||= share[k]! > room;
      }
    });
    if (!overflow) {
      ids.forEach((i, k) => {
        if (open.has(i)) {
          parts[i]! += share[k]!;
          left -= share[k]!;
        }
      });
      break;
    }
  }
  return parts;
}
