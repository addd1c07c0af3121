import { describe, expect, it } from "vitest";
import { formatClientNumber, normalizeName } from "./clients.js";

describe("normalizeName", () => {
  it("drops accents, case and punctuation and sorts the words", () => {
    expect(normalizeName("Mohammed", "Al-Hassan")).toBe("al hassan mohammed");
    expect(normalizeName("Al Hassan,", "  MOHAMMED ")).toBe("al hassan mohammed");
    expect(normalizeName("Zoë", "Müller-Straße")).toBe("muller strasse zoe");
  });

  it("maps letters Unicode does not decompose (Turkish dotless i, Scandinavian ø, Polish ł)", () => {
    expect(normalizeName("Emre", "Yıldız")).toBe(normalizeName("Emre", "Yildiz"));
    expect(normalizeName("Søren", "Łukasz")).toBe("lukasz soren");
  });

  it("keeps non-Latin scripts searchable as they are", () => {
    expect(normalizeName("Олена", "Коваленко")).toBe("коваленко олена");
    expect(normalizeName("محمد", "الحسن")).toBe("الحسن محمد");
  });

  it("ignores missing parts", () => {
    expect(normalizeName("Ana", null, undefined, "")).toBe("ana");
  });
});

describe("formatClientNumber", () => {
  it("prints K and seven digits", () => {
    expect(formatClientNumber(42)).toBe("K0000042");
  });
});
