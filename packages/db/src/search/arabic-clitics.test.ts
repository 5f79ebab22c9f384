// Query words carrying clitics are offered without them; short words that only look prefixed are left whole.
import { describe, expect, it } from "vitest";
import { CLITIC_CLUSTERS, withoutArabicClitics } from "./arabic-clitics.ts";
import { normalizeArabicForSearch } from "./normalize-arabic.ts";

const forms = (word: string) => withoutArabicClitics(normalizeArabicForSearch(word)).sort();

describe("withoutArabicClitics", () => {
  it("knows every cluster of conjunction, preposition and article", () => {
    expect(CLITIC_CLUSTERS.map((c) => c.prefix).sort()).toEqual(
      [
        ...["و", "ف", "ب", "ك", "ل", "وب", "وك", "ول", "فب", "فك", "فل"],
        ...["ال", "وال", "فال", "بال", "كال", "لل", "وبال", "وكال", "ولل", "فبال", "فكال", "فلل"],
      ].sort(),
    );
  });

  it.each([
    ["وقازان", ["قازان"]],
    ["وانعقاد", ["انعقاد"]],
    ["وأكاديمية", ["اكاديمية"]],
    ["فقازان", ["قازان"]],
    ["بقازان", ["قازان"]],
    ["كقازان", ["قازان"]],
    ["لقازان", ["قازان"]],
    ["ومصر", ["مصر"]],
  ])("a one-letter clitic: %s → %j", (word, expected) => {
    expect(forms(word)).toEqual(expected.sort());
  });

  it.each([
    // و/ف before ال, بال and كال is already dropped by the normalization (وبالمدينة arrives as بالمدينة).
    ["والمدينة", ["مدينة"]],
    ["فالمدينة", ["مدينة"]],
    ["بالمدينة", ["المدينة", "مدينة"]],
    ["كالمدينة", ["المدينة", "مدينة"]],
    // لل read as ل + ل… too: لمدينة is a word of its own ("for a city").
    ["للمدينة", ["المدينة", "مدينة", "لمدينة"]],
    ["وبالمدينة", ["المدينة", "مدينة"]],
    ["وكالمدينة", ["المدينة", "مدينة"]],
    ["وللمدينة", ["للمدينة", "المدينة", "مدينة", "لمدينة"]],
    ["فللمدينة", ["للمدينة", "المدينة", "مدينة", "لمدينة"]],
    ["فبالمدينة", ["المدينة", "مدينة"]],
    ["فكالمدينة", ["المدينة", "مدينة"]],
    ["ولروسيا", ["لروسيا", "روسيا"]],
    ["وبروسيا", ["بروسيا", "روسيا"]],
    ["المدينة", ["مدينة"]],
  ])("a cluster: %s → %j", (word, expected) => {
    expect(forms(word)).toEqual(expected.sort());
  });

  it.each(["بحر", "كتب", "لبن", "وقت", "فرد", "والي", "والد", "الله", "لله", "بكم"])(
    "a short word that only looks prefixed stays whole: %s",
    (word) => {
      expect(forms(word)).toEqual([]);
    },
  );

  it("leaves words of other scripts and mixed words alone", () => {
    expect(forms("Kazan")).toEqual([]);
    expect(forms("Казань")).toEqual([]);
    expect(forms("و2024")).toEqual([]);
  });
});
