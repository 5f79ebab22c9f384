// Opens an empty editor; the article is stored only when something is written in it (see /articles/new).
import Link from "next/link";

export function NewArticleButton({ label }: { label: string }) {
  return (
    <Link href="/articles/new" className="inline-block rounded bg-brand px-4 py-2 font-semibold text-white">
      {label}
    </Link>
  );
}
