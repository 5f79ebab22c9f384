// An editor driving an admin instance with plain HTTP, as its pages do: signing in through Auth.js's credentials
// endpoint, then calling the editor's server actions (publishing, saving, publishing changes) with the session.
import { actionOutcome, serverActionHeaders, type ActionOutcome } from "@minbar/e2e";
import { NEWSROOM_TIME_ZONE, wallTimeOf } from "@minbar/i18n";
import { ADMIN_DIR } from "./cluster.ts";

/** The cookies of a response, as one Cookie header (name=value pairs), merged over `jar`. */
function withCookies(jar: string, response: Response): string {
  const cookies = new Map(
    jar
      .split("; ")
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)] as const),
  );
  for (const line of response.headers.getSetCookie()) {
    const pair = line.split(";")[0]!;
    cookies.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
  }
  return [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
}

export type AdminSession = {
  origin: string;
  /** Calls the admin's server action `name` from the page at `pagePath` with `args`. */
  action(pagePath: string, name: string, args: unknown[]): Promise<ActionOutcome>;
};

/** Signs in on the admin at `origin`; throws when the credentials give no session. */
export async function signInToAdmin(origin: string, email: string, password: string): Promise<AdminSession> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  let jar = withCookies("", csrf);
  const signedIn = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${origin}/articles` }),
    redirect: "manual",
  });
  await signedIn.arrayBuffer();
  jar = withCookies(jar, signedIn);
  if (!/session-token=/.test(jar)) throw new Error(`signing in as ${email} on ${origin} gave no session`);
  return {
    origin,
    async action(pagePath, name, args) {
      const response = await fetch(new URL(pagePath, origin), {
        method: "POST",
        headers: { ...serverActionHeaders(ADMIN_DIR, name), cookie: jar },
        body: JSON.stringify(args),
        redirect: "manual",
      });
      return actionOutcome(name, response.status, response.headers.get("x-action-redirect"), await response.text());
    },
  };
}

/**
 * Changes a published text's body (its title kept, so its address too) and publishes the change: autosave keeps it
 * pending, then "publish changes".
 */
export async function publishNewBody(
  session: AdminSession,
  text: AdminText,
  title: string,
  paragraphs: readonly string[],
): Promise<AdminText> {
  const page = `/articles/${text.articleId}/ar`;
  const saved = await session.action(page, "saveTextAction", [
    {
      localizationId: text.id,
      expectedVersion: text.version,
      title,
      summary: null,
      body: paragraphs.map((paragraph) => ({ type: "paragraph", text: paragraph })),
    },
  ]);
  if (!("ok" in saved) || !saved.ok)
    throw new Error(`saving article ${text.articleId} failed: ${JSON.stringify(saved)}`);
  const { version } = saved.value as { status: string; version: number };
  const published = await session.action(page, "publishChangesAction", [
    { localizationId: text.id, expectedVersion: version, mark: "none" },
  ]);
  if (!("ok" in published) || !published.ok)
    throw new Error(`publishing the changes of article ${text.articleId} failed: ${JSON.stringify(published)}`);
  return { ...text, version: (published.value as { version: number }).version };
}

export type AdminText = { articleId: number; id: number; version: number };

/** A new Arabic article written, submitted and approved through the admin, ready to publish. */
export async function approvedThroughAdmin(
  session: AdminSession,
  title: string,
  paragraphs: readonly string[],
): Promise<AdminText> {
  const created = await session.action("/articles/new", "createArticleAction", [
    { title, body: paragraphs.map((text) => ({ type: "paragraph", text })), originalLocale: "ar" },
  ]);
  const value =
    "ok" in created && created.ok
      ? (created.value as { status: string; articleId: number; localizationId: number; version: number })
      : null;
  if (value?.status !== "created") throw new Error(`creating "${title}" failed: ${JSON.stringify(created)}`);
  let text: AdminText = { articleId: value.articleId, id: value.localizationId, version: value.version };
  for (const to of ["in_review", "approved"] as const)
    text = { ...text, version: (await move(session, text, to)).version };
  return text;
}

/**
 * Publishes an approved text through the admin, as the editor's "publish" button does; resolves to its public address
 * (on PUBLIC_SITE_URL) and the text as it now is.
 */
export async function publishThroughAdmin(
  session: AdminSession,
  text: AdminText,
): Promise<{ url: string; text: AdminText }> {
  const { publicUrl, version } = await move(session, text, "published");
  if (!publicUrl) throw new Error(`article ${text.articleId} was published but the admin gave no public address`);
  return { url: publicUrl, text: { ...text, version } };
}

/**
 * Schedules an approved text through the admin, as the editor's "schedule" button does: `at` is a whole minute (the
 * admin takes the newsroom's wall time, `YYYY-MM-DDTHH:MM`, in NEWSROOM_TIME_ZONE). Resolves to the text as it now is.
 */
export async function scheduleThroughAdmin(session: AdminSession, text: AdminText, at: Date): Promise<AdminText> {
  if (at.getTime() % 60_000 !== 0) throw new Error(`a schedule is a whole minute, not ${at.toISOString()}`);
  const { version } = await move(session, text, "scheduled", wallTimeOf(at, NEWSROOM_TIME_ZONE));
  return { ...text, version };
}

async function move(
  session: AdminSession,
  text: AdminText,
  to: "in_review" | "approved" | "published" | "scheduled",
  scheduledFor?: string,
): Promise<{ version: number; publicUrl: string | null }> {
  const outcome = await session.action(`/articles/${text.articleId}/ar`, "moveAction", [
    { localizationId: text.id, to, expectedVersion: text.version, ...(scheduledFor ? { scheduledFor } : {}) },
  ]);
  if (!("ok" in outcome) || !outcome.ok)
    throw new Error(`moving article ${text.articleId} to ${to} failed: ${JSON.stringify(outcome)}`);
  return outcome.value as { version: number; publicUrl: string | null };
}
