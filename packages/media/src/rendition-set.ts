// Which renditions an image has and where they are: what pages need to write `srcset`, and what deleting an image
// removes. The names follow makeRenditions: widths never exceed the original's, so a narrow photo's widest is its own.
// Free of sharp, so pages can import it (`@minbar/media/urls`).

/** Widths of the responsive renditions (srcset); none is made wider than the original. */
export const RENDITION_WIDTHS = [320, 640, 1024, 1600] as const;
export const RENDITION_FORMATS = ["avif", "webp", "jpeg"] as const;
export type RenditionFormat = (typeof RENDITION_FORMATS)[number];
/** Fixed-ratio crops: the card social networks show, and the listings' thumbnail. */
export const CROPS = { card: { width: 1200, height: 630 }, square: { width: 480, height: 480 } } as const;
export type CropName = keyof typeof CROPS;

/** The widths an image of `originalWidth` pixels is rendered at, narrowest first. */
export function renditionWidths(originalWidth: number): number[] {
  return [...new Set(RENDITION_WIDTHS.map((width) => Math.min(width, originalWidth)))].sort((a, b) => a - b);
}

/** Every rendition name of an image of this width: `w320.avif` … `card.jpeg`, `square.webp`. */
export function renditionNames(originalWidth: number): string[] {
  return [
    ...renditionWidths(originalWidth).flatMap((width) => RENDITION_FORMATS.map((format) => `w${width}.${format}`)),
    "card.jpeg",
    ...RENDITION_FORMATS.map((format) => `square.${format}`),
  ];
}

/** A rendition name as makeRenditions writes them (the serving side checks requests against it). */
export const RENDITION_NAME = /^(?:w[1-9][0-9]{0,4}\.(?:avif|webp|jpeg)|card\.jpeg|square\.(?:avif|webp|jpeg))$/;

/** The storage key of a rendition. */
export const renditionStorageKey = (key: string, name: string): string => `renditions/${key}/${name}`;

/** The public path of a rendition, on the public site and the admin alike (relative to the site's origin). */
export const renditionPath = (key: string, name: string): string => `/media/renditions/${key}/${name}`;

export type ResponsiveSource = { format: RenditionFormat; type: string; srcset: string };

/** One `<source>` per format, best first, each listing every width; the JPEG one doubles as the `<img>`'s srcset. */
export function responsiveSources(key: string, originalWidth: number): ResponsiveSource[] {
  const widths = renditionWidths(originalWidth);
  return RENDITION_FORMATS.map((format) => ({
    format,
    type: `image/${format}`,
    srcset: widths.map((width) => `${renditionPath(key, `w${width}.${format}`)} ${width}w`).join(", "),
  }));
}

/** The size of a width rendition of an image: what `<img width height>` reserves before it loads. */
export function renditionSize(original: { width: number; height: number }, width: number) {
  const shown = Math.min(width, original.width);
  return { width: shown, height: Math.max(1, Math.round((original.height * shown) / original.width)) };
}

export const SOCIAL_CARD = { name: "card.jpeg", ...CROPS.card } as const;
