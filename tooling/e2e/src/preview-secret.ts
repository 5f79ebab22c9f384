// The preview-link secret of every e2e run, admin and public site alike (runEndToEnd passes it to Playwright, its
// servers and its specs as PREVIEW_SECRET), so a link one app signs the other accepts and specs can sign their own.
// Fixed rather than random so that two runs side by side agree; nothing outside a test run accepts it.
import { e2eEnv } from "./env.ts";
export const E2E_PREVIEW_SECRET = e2eEnv.previewSecret ?? "e2e-only-preview-secret-0123456789abcdef";
