// The localized 404 (unknown article, unknown path, article not published in this language), as Next renders it. Next
// sends it as an empty document the browser fills in; readers get ../not-found-view instead (server/plain-html.ts).
import { NotFoundNotice } from "../../components/not-found-notice.tsx";

export default function LocaleNotFound() {
  return <NotFoundNotice />;
}
