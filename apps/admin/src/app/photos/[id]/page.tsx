// /photos/<id> (see photoPagePath): one library photo — large, with its focal point; captions, alt texts, credit and agency to edit
// (media.edit); who uploaded it and when, the original's size; the articles that use it; deleting it (media.delete).
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { EditorialNotFoundError, getMediaImage } from "@minbar/db/editorial";
import { can } from "@minbar/db/permissions";
import { formatDateTime, formatInteger, intlLocaleOf, type Locale } from "@minbar/i18n";
import { getDb } from "../../../db.ts";
import { requireActor } from "../../../lib/actor.ts";
import { orForbidden } from "../../../lib/or-forbidden.ts";
import { RefreshWhilePreparing } from "../../media/library-client.tsx";
import { photoOptions } from "../../media/photo-options.ts";
import { toLibraryPhoto } from "../../media/to-library-photo.ts";
import { PhotoEditor } from "./photo-editor.tsx";

export const dynamic = "force-dynamic";

/** Bytes as a person reads them: "2.4 MB", "830 kB", in the interface language. */
function formatBytes(bytes: number, locale: Locale): string {
  const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, "megabyte"] : [bytes / 1_000, "kilobyte"];
  return new Intl.NumberFormat(intlLocaleOf(locale), {
    style: "unit",
    unit,
    maximumFractionDigits: 1,
  }).format(value);
}

export default async function MediaPhotoPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const found = await orForbidden(() => getMediaImage(getDb(), actor, id)).catch((error: unknown) => {
    if (error instanceof EditorialNotFoundError) notFound();
    throw error;
  });
  const [options, locale, t] = await Promise.all([
    orForbidden(() => photoOptions(actor)),
    getLocale(),
    getTranslations("Media.photo"),
  ]);
  const { image, uses } = found;
  const photo = { ...toLibraryPhoto(image), focalX: image.focalX, focalY: image.focalY };

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/media" className="text-brand underline">
          {t("back")}
        </Link>
      </p>
      <h1 className="mb-1 text-2xl font-bold">
        <bdi>{image.fileName}</bdi>
      </h1>
      <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm text-gray-700" data-testid="photo-facts">
        <dt className="font-medium">{t("uploaded")}</dt>
        <dd>
          {t("uploadedBy", {
            name: image.uploadedBy?.name ?? t("unknownUploader"),
            when: formatDateTime(image.createdAt, locale),
          })}
        </dd>
        <dt className="font-medium">{t("original")}</dt>
        <dd>
          <bdi dir="ltr">
            {t("pixels", { width: formatInteger(image.width, locale), height: formatInteger(image.height, locale) })}
          </bdi>
          {" · "}
          {formatBytes(image.bytes, locale)}
        </dd>
        <dt className="font-medium">{t("usedIn")}</dt>
        <dd>
          {uses.length === 0 ? (
            t("unused")
          ) : (
            <ul>
              {uses.map((use) => (
                <li key={`${use.articleId}-${use.locale}-${use.lead}`}>
                  <Link href={`/articles/${use.articleId}/${use.locale}`} className="text-brand underline">
                    <bdi>{use.title ?? t("delete.untitled", { id: use.articleId })}</bdi>
                  </Link>{" "}
                  ({use.lead ? t("delete.asLead") : t("delete.inBody")})
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      <PhotoEditor
        photo={photo}
        credits={options.credits}
        sources={options.sources}
        canEdit={can(actor, "media.edit")}
        canDelete={can(actor, "media.delete")}
      />
      <RefreshWhilePreparing active={!image.renditionKey && !image.renditionError} />
    </>
  );
}
