// Any path no page claims, inside a locale: answered by the localized 404.
import { notFound } from "next/navigation";

export default function UnknownPage(): never {
  notFound();
}
