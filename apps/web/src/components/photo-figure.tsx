// A library photo in an article: the picture, then its caption and credit in the edition's language.
import { getTranslations } from "next-intl/server";
import type { PublicImage } from "@minbar/db/public";
import type { Locale } from "@minbar/i18n";
import { LibraryImage } from "./library-image.tsx";
import { fillNameSlot, NAME_SLOT, PublicNameText } from "./public-name.tsx";

/** The article column (max-w-3xl, 48rem) on wide screens, the viewport less its margins on phones. */
const ARTICLE_COLUMN_SIZES = "(min-width: 52rem) 48rem, calc(100vw - 2rem)";

export async function PhotoFigure({
  image,
  locale,
  lead = false,
}: {
  image: PublicImage;
  locale: Locale;
  lead?: boolean;
}) {
  const t = await getTranslations({ locale, namespace: "Article" });
  return (
    <figure className={lead ? "mb-6" : "my-6"}>
      <LibraryImage image={image} sizes={ARTICLE_COLUMN_SIZES} priority={lead} className="h-auto w-full rounded" />
      {image.caption || image.credit ? (
        <figcaption className="mt-2 text-sm text-gray-700">
          {image.caption ? <span>{image.caption}</span> : null}
          {image.caption && image.credit ? " " : null}
          {image.credit ? (
            <span className="text-gray-600">
              {fillNameSlot(
                t("photoCredit", { name: NAME_SLOT }),
                <PublicNameText value={image.credit} locale={locale} />,
              )}
            </span>
          ) : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
