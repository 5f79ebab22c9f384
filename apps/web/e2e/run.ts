// `npm run test:e2e`: Playwright against the production build, on a fresh database holding the seed articles plus a
// Russian edition and an English draft of two of them.
import { runEndToEnd } from "@minbar/e2e";
import { addExtraLocalizations } from "./extra-localizations.ts";

await runEndToEnd({ prepare: addExtraLocalizations });
