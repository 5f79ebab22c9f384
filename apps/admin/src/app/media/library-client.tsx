"use client";
// The library page's interactive parts: the uploader that refreshes the list as photos arrive, the grid linking to
// each photo's page, and a quiet refresh while thumbnails are still being made.
import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { MediaGrid } from "../../components/media/media-grid.tsx";
import { MediaUploader } from "../../components/media/media-uploader.tsx";
import { photoPagePath, type LibraryPhoto } from "../../components/media/library-photo.ts";

export function LibraryUploader() {
  const router = useRouter();
  return <MediaUploader onBatchDone={() => router.refresh()} />;
}

export function LibraryGrid({ photos, label }: { photos: LibraryPhoto[]; label: string }) {
  return <MediaGrid photos={photos} label={label} hrefFor={(photo) => photoPagePath(photo.id)} />;
}

/** While some photo on the page has no thumbnail yet, the page is fetched again every few seconds. */
export function RefreshWhilePreparing({ active, intervalMs = 3_000 }: { active: boolean; intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs, router]);
  return null;
}
