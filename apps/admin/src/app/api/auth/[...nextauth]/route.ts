// Auth.js endpoints (session, CSRF, sign-in callback, sign-out).
import { handlers } from "../../../../auth.ts";

export const { GET, POST } = handlers;
