// A media-library photo as readers get it: <picture> with AVIF, WebP and JPEG at every rendition width, the size
// reserved by width and height (no layout shift), and loading chosen by where the photo stands on the page.
import type { PublicImage } from "@minbar/db/public";
import { renditionPath, renditionSize, responsiveSources } from "@minbar/media/urls";

type LibraryImageProps = {
  image: PublicImage;
  /** The `sizes` of the page's layout for this photo. */
  sizes: string;
  /** The lead photo is the page's largest paint: fetched first, never lazily. Body photos wait until scrolled near. */
  priority?: boolean;
  className?: string;
};

/** The width of the `<img>` fallback: what a desktop column shows, or the original when it is narrower. */
const FALLBACK_WIDTH = 1024;

export function LibraryImage({ image, sizes, priority = false, className }: LibraryImageProps) {
  const sources = responsiveSources(image.key, image.width);
  const fallback = renditionSize(image, FALLBACK_WIDTH);
  const jpeg = sources.find((source) => source.format === "jpeg")!;
  return (
    <picture>
      {sources
        .filter((source) => source !== jpeg)
        .map((source) => (
          <source key={source.format} type={source.type} srcSet={source.srcset} sizes={sizes} />
        ))}
      {/* Renditions are made ahead and served with a year-long cache; next/image would make them again per request. */}
      <img
        src={renditionPath(image.key, `w${fallback.width}.jpeg`)}
        srcSet={jpeg.srcset}
        sizes={sizes}
        width={fallback.width}
        height={fallback.height}
        alt={image.alt}
        className={className}
        decoding="async"
        {...(priority ? { fetchPriority: "high" as const, loading: "eager" as const } : { loading: "lazy" as const })}
      />
    </picture>
  );
}

/**
 * A listing's thumbnail: the square crop around the focal point, loaded lazily. It stands beside the headline that
 * names the story, so it is presented as decorative (empty alt) rather than read out a second time.
 */
export function Thumbnail({ image, size, className }: { image: PublicImage; size: number; className?: string }) {
  return (
    <picture>
      <source type="image/avif" srcSet={renditionPath(image.key, "square.avif")} />
      <source type="image/webp" srcSet={renditionPath(image.key, "square.webp")} />
      <img
        src={renditionPath(image.key, "square.jpeg")}
        width={size}
        height={size}
        alt=""
        className={className}
        loading="lazy"
        decoding="async"
      />
    </picture>
  );
}
