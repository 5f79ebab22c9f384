// Agencies the wire copy cites, with their names in the three languages, so the first import already links
// `تاس` to one record named ТАСС / TASS. Unknown agencies get a record with the Arabic name only.
export type KnownAgency = { slug: string; nameAr: string; nameRu: string; nameEn: string; aliases: string[] };

export const KNOWN_AGENCIES: readonly KnownAgency[] = [
  { slug: "tass", nameAr: "تاس", nameRu: "ТАСС", nameEn: "TASS", aliases: ["تاس", "وكالة تاس", "تاس الروسية"] },
  {
    slug: "ria-novosti",
    nameAr: "ريا نوفوستي",
    nameRu: "РИА Новости",
    nameEn: "RIA Novosti",
    aliases: ["ريا نوفوستي", "نوفوستي"],
  },
  { slug: "interfax", nameAr: "إنترفاكس", nameRu: "Интерфакс", nameEn: "Interfax", aliases: ["إنترفاكس", "انترفاكس"] },
  { slug: "sputnik", nameAr: "سبوتنيك", nameRu: "Спутник", nameEn: "Sputnik", aliases: ["سبوتنيك"] },
  { slug: "rt", nameAr: "روسيا اليوم", nameRu: "RT", nameEn: "RT", aliases: ["روسيا اليوم", "آر تي"] },
];
