// Auth.js (next-auth v5) for the admin: email + password checked against the users table, throttled per account and
// per address (see @minbar/db signInWithPassword), JWT sessions that carry only the user id, auth version and the id
// of a server-side session (ended by sign-out, 2 idle hours or 12 hours: @minbar/db resumeSession, checked on every
// request before the session is trusted) — permissions are re-read from the database on every request (lib/actor).
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { endSession, resumeSession, SESSION_MAX_AGE_MS, signInWithPassword, startSession } from "@minbar/db/accounts";
import { getDb } from "./db.ts";
import { getEnv } from "./env.ts";
import { clientAddress } from "./lib/client-address.ts";
import { adminLog } from "./lib/log.ts";
import { secureCookies } from "./lib/security-headers.ts";
import { chosenBeforeSignIn, rememberInterfaceLanguage } from "./i18n/locale-cookie.ts";

declare module "next-auth" {
  interface User {
    authVersion?: number;
    sessionId?: string;
  }
  interface Session {
    authUserId?: number;
    authVersion?: number;
  }
}

export const credentialsSchema = z.object({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(1024),
});

/** Too many failures: refused without checking the password. `code` reaches the sign-in action, `retryAt` too. */
export class SignInLocked extends CredentialsSignin {
  override code = "locked";
  constructor(readonly retryAt: Date) {
    super("sign-in locked");
  }
}

const tokenClaimsSchema = z.object({
  userId: z.number().int().positive(),
  authVersion: z.number().int(),
  sessionId: z.string(),
});

// Configured per request rather than at import time, so `next build` needs neither AUTH_SECRET nor a database.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: getEnv().AUTH_SECRET,
  trustHost: true,
  useSecureCookies: secureCookies(getEnv().ADMIN_SITE_URL),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_MS / 1000 },
  pages: { signIn: "/login" },
  // A wrong password is an expected outcome shown on the form, not a server error worth a stack trace.
  logger: {
    error(error) {
      if (!(error instanceof CredentialsSignin)) adminLog.error("[auth] sign-in failed", error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      // Also reached by POST /api/auth/callback/credentials, so the throttle lives here rather than in the form's action.
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        // A language chosen on the sign-in (or link) page just now becomes the account's; otherwise the account's wins.
        const chosen = await chosenBeforeSignIn();
        const result = await signInWithPassword(getDb(), {
          ...parsed.data,
          address: clientAddress(request.headers),
          ...(chosen ? { uiLocale: chosen } : {}),
        });
        if (result.status === "locked") throw new SignInLocked(result.retryAt);
        if (result.status !== "signed_in") return null;
        const { user } = result;
        // The account's interface language (just updated to a fresh choice, if any) wins over what this browser showed.
        await rememberInterfaceLanguage(user.uiLocale);
        const { sessionId } = await startSession(getDb(), user.id);
        return { id: String(user.id), email: user.email, name: user.name, authVersion: user.authVersion, sessionId };
      },
    }),
  ],
  events: {
    // Also reached by POST /api/auth/signout. Every copy of the cookie stops working, not only this browser's.
    async signOut(message) {
      const claims = "token" in message ? tokenClaimsSchema.safeParse(message.token) : null;
      if (claims?.success) await endSession(getDb(), claims.data.sessionId);
    },
  },
  callbacks: {
    // Runs whenever a request's session is read (auth(), /api/auth/session): null signs the request out.
    async jwt({ token, user }) {
      if (user?.id !== undefined && user.authVersion !== undefined && user.sessionId !== undefined) {
        token.userId = Number(user.id);
        token.authVersion = user.authVersion;
        token.sessionId = user.sessionId;
        return token;
      }
      const claims = tokenClaimsSchema.safeParse(token);
      if (!claims.success) return null;
      const open = await resumeSession(getDb(), { sessionId: claims.data.sessionId, userId: claims.data.userId });
      return open ? token : null;
    },
    session({ session, token }) {
      const claims = tokenClaimsSchema.safeParse(token);
      if (claims.success) {
        session.authUserId = claims.data.userId;
        session.authVersion = claims.data.authVersion;
      }
      return session;
    },
  },
}));
