// `npm run test:e2e`: Playwright against the production build, on a fresh database holding the seed articles.
import { runEndToEnd } from "@minbar/e2e";

await runEndToEnd();
