// Agencies the wire copy cites, with their names in the three languages, so the first import already links
// `تاس`, `ТАСС` and `TASS` to one record. Unknown agencies get a record named in the language they were cited in.
export type KnownAgency = { slug: string; nameAr: string; nameRu: string; nameEn: string; aliases: string[] };

export const KNOWN_AGENCIES: readonly KnownAgency[] = [
  {
    slug: "tass",
    nameAr: "تاس",
    nameRu: "ТАСС",
    nameEn: "TASS",
    aliases: ["تاس", "وكالة تاس", "تاس الروسية", "ТАСС", "TASS"],
  },
  {
    slug: "ria-novosti",
    nameAr: "ريا نوفوستي",
    nameRu: "РИА Новости",
    nameEn: "RIA Novosti",
    aliases: ["ريا نوفوستي", "نوفوستي", "РИА Новости", "RIA Novosti"],
  },
  {
    slug: "interfax",
    nameAr: "إنترفاكس",
    nameRu: "Интерфакс",
    nameEn: "Interfax",
    aliases: ["إنترفاكس", "انترفاكس", "Интерфакс", "Interfax"],
  },
  {
    slug: "sputnik",
    nameAr: "سبوتنيك",
    nameRu: "Спутник",
    nameEn: "Sputnik",
    aliases: ["سبوتنيك", "Спутник", "Sputnik"],
  },
  {
    slug: "rt",
    nameAr: "روسيا اليوم",
    nameRu: "RT",
    nameEn: "RT",
    aliases: ["روسيا اليوم", "آر تي", "RT", "Russia Today"],
  },
];
