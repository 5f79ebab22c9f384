// What readers should see from the five seed wire files (seeds/*.txt): four published, one untitled draft.
export const PUBLISHED_SEED_TITLES = [
  "ميشوستين يؤكد خلال لقائه رئيس وزراء كازاخستان الجديد استعداده للتعاون",
  "ميشوستين: التعاون بين روسيا وكازاخستان مهم وبشكل خاص في مواجهة العقوبات",
  "لافروف: الحل المشترك للقضايا يعزز العلاقات بين روسيا وكازاخستان",
  "لافروف يناقش مع وزير خارجية كازاخستان قضايا الشراكة الاستراتيجية",
] as const;

/** Seed 004 has no title line; its text opens with this sentence and must not reach readers. */
export const DRAFT_SEED_OPENING = "اقترح أول رئيس لجمهورية كازاخستان";
