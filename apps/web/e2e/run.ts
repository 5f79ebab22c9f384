// `npm run test:e2e`: Playwright against the production build, on a fresh database holding the seed articles plus a
// Russian edition and an English draft of two of them, and photos in one of them.
import { runEndToEnd } from "@minbar/e2e";
import { addExtraLocalizations } from "./extra-localizations.ts";
import { addPhotos } from "./photos.ts";

await runEndToEnd({
  prepare: async (db) => {
    await addExtraLocalizations(db);
    await addPhotos(db);
  },
});
