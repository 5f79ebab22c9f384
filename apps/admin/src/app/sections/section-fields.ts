// The fields of a section's form, shared by the page, its client forms and their server action.
export const SECTION_FIELDS = ["nameAr", "nameRu", "nameEn", "slugAr", "slugRu", "slugEn"] as const;
export type SectionField = (typeof SECTION_FIELDS)[number];
export type SectionValues = Record<SectionField, string>;

/** The language each field is written in, for lang and dir. */
export const FIELD_LANGUAGE: Record<SectionField, "ar" | "ru" | "en"> = {
  nameAr: "ar",
  nameRu: "ru",
  nameEn: "en",
  slugAr: "ar",
  slugRu: "ru",
  slugEn: "en",
};
