import { describe, expect, it } from "vitest";
import { localizedIndex, pageLanguageOf } from "./page-language.js";

describe("the language of a public page", () => {
  it("comes from the path prefix, then from ?lang=", () => {
    expect(pageLanguageOf("/ar/beratung-finden")).toBe("ar");
    expect(pageLanguageOf("/fa")).toBe("fa");
    expect(pageLanguageOf("/?lang=uk")).toBe("uk");
    expect(pageLanguageOf("/tr/beratung-finden?lang=ru")).toBe("tr");
  });

  it("is unknown for anything else", () => {
    expect(pageLanguageOf("/beratung-finden")).toBeNull();
    expect(pageLanguageOf("/?lang=xx")).toBeNull();
    expect(pageLanguageOf("/arabic/")).toBeNull();
  });

  it("is set on the root element with its direction", () => {
    const html = '<!doctype html>\n<html lang="de" dir="ltr">\n<head></head></html>';
    expect(localizedIndex(html, "ar")).toContain('<html lang="ar" dir="rtl">');
    expect(localizedIndex(html, "uk")).toContain('<html lang="uk" dir="ltr">');
  });
});
