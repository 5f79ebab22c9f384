// What an editable slug may look like: the shape makeSlug produces, in any script, so URLs stay clean.
import { z } from "zod";

const SLUG_PATTERN = /^[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)*$/u;

export const slugInput = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((slug) => SLUG_PATTERN.test(slug) && slug === slug.toLowerCase(), {
    message: "a slug is lower-case letters and digits in words joined by single hyphens",
  });
