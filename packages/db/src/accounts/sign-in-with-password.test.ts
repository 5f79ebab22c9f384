// Throttled sign-in against a real database: slowed, then refused per account and per address; a refused attempt
// never checks the password; success clears the account's count; every outcome is audited.
import { describe, expect, it } from "vitest";
import { ACCOUNT_LIMITS, ADDRESS_LIMITS } from "./sign-in-throttle.ts";
import { signInWithPassword } from "./sign-in-with-password.ts";
import { createTargetUser, useAccountsDatabase } from "./test-fixtures.ts";

const ctx = useAccountsDatabase();
const PASSWORD = "the right passphrase";

/** A clock the test moves by hand, and a sleep that only records how long it was asked to wait. */
function harness(start = new Date("2026-11-20T10:00:00Z")) {
  let now = start.getTime();
  const delays: number[] = [];
  return {
    delays,
    advance: (ms: number) => (now += ms),
    options: { now: () => new Date(now), sleep: async (ms: number) => void delays.push(ms) },
  };
}

let addressSequence = 0;
const freshAddress = () => `203.0.113.${++addressSequence}`;

describe("per account", () => {
  it("slows the 4th and 5th failures, then refuses even the right password without checking it", async () => {
    const prisma = ctx.db.prisma;
    const user = await createTargetUser(prisma, ["writer"], PASSWORD);
    const h = harness();
    const attempt = (password: string, address = freshAddress()) =>
      signInWithPassword(prisma, { email: user.email, password, address }, h.options);

    for (let i = 0; i < ACCOUNT_LIMITS.lockAfter - 1; i++)
      expect(await attempt("wrong")).toEqual({ status: "invalid" });
    // The failure that reaches the limit says so at once.
    expect(await attempt("wrong")).toMatchObject({ status: "locked", scope: "account" });
    expect(h.delays).toEqual([1_000, 2_000]);

    const attemptsBefore = await prisma.loginAttempt.count({ where: { email: user.email } });
    const refused = await attempt(PASSWORD);
    expect(refused).toMatchObject({ status: "locked", scope: "account" });
    if (refused.status !== "locked") throw new Error("unreachable");
    expect(refused.retryAt.getTime()).toBe(new Date("2026-11-20T10:15:00Z").getTime());
    // Not checked, not counted: a locked account cannot be kept locked for ever by hammering it.
    expect(await prisma.loginAttempt.count({ where: { email: user.email } })).toBe(attemptsBefore);

    const audit = await prisma.auditLog.findMany({
      where: { entityId: String(user.id), action: { startsWith: "auth." } },
      orderBy: { id: "asc" },
    });
    expect(audit.map((entry) => entry.action)).toEqual([
      ...Array(ACCOUNT_LIMITS.lockAfter).fill("auth.sign_in_failed"),
      "auth.locked",
    ]);
    expect(audit[0]?.address).toMatch(/^203\.0\.113\./);

    h.advance(ACCOUNT_LIMITS.windowMs + 1);
    expect(await attempt(PASSWORD)).toMatchObject({ status: "signed_in", user: { id: user.id } });
    expect(await prisma.auditLog.count({ where: { entityId: String(user.id), action: "auth.sign_in" } })).toBe(1);

    // A day later the old attempts are pruned; the audit log keeps the history.
    h.advance(25 * 60 * 60_000);
    expect(await attempt("wrong")).toEqual({ status: "invalid" });
    expect(await prisma.loginAttempt.count({ where: { email: user.email } })).toBe(1);
  });

  it("throttles a burst of parallel guesses too: no more passwords are checked than the limit allows", async () => {
    const prisma = ctx.db.prisma;
    const user = await createTargetUser(prisma, ["writer"], PASSWORD);
    const h = harness();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        signInWithPassword(
          i % 2 ? prisma : ctx.second,
          { email: user.email, password: `guess ${i}`, address: freshAddress() },
          h.options,
        ),
      ),
    );
    const checked = await prisma.auditLog.count({
      where: { entityId: String(user.id), action: "auth.sign_in_failed" },
    });
    expect(checked).toBeLessThanOrEqual(ACCOUNT_LIMITS.lockAfter);
    expect(results.filter((result) => result.status === "locked").length).toBeGreaterThanOrEqual(
      12 - ACCOUNT_LIMITS.lockAfter,
    );
  });

  it("a success clears the account's count", async () => {
    const prisma = ctx.db.prisma;
    const user = await createTargetUser(prisma, ["writer"], PASSWORD);
    const h = harness();
    const attempt = (password: string) =>
      signInWithPassword(prisma, { email: user.email, password, address: freshAddress() }, h.options);
    for (let i = 0; i < ACCOUNT_LIMITS.lockAfter - 1; i++)
      expect(await attempt("wrong")).toEqual({ status: "invalid" });
    h.advance(1_000);
    expect(await attempt(PASSWORD)).toMatchObject({ status: "signed_in" });
    h.delays.length = 0;
    h.advance(1_000);
    for (let i = 0; i < ACCOUNT_LIMITS.slowAfter; i++) expect(await attempt("wrong")).toEqual({ status: "invalid" });
    expect(h.delays).toEqual([]);
  });

  it("treats the email case-insensitively and counts unknown emails too", async () => {
    const prisma = ctx.db.prisma;
    const h = harness();
    for (let i = 0; i < ACCOUNT_LIMITS.lockAfter; i++) {
      await signInWithPassword(
        prisma,
        { email: i % 2 ? "Nobody@Example.test" : "nobody@example.test", password: "x", address: freshAddress() },
        h.options,
      );
    }
    expect(
      await signInWithPassword(
        prisma,
        { email: "NOBODY@example.test", password: "x", address: freshAddress() },
        h.options,
      ),
    ).toMatchObject({
      status: "locked",
    });
    expect(
      await prisma.auditLog.count({
        where: { action: "auth.sign_in_failed", actorId: null, entityId: "nobody@example.test" },
      }),
    ).toBe(ACCOUNT_LIMITS.lockAfter);
  });
});

describe("per address", () => {
  it("slows and then refuses one address trying many accounts, while other addresses go on", async () => {
    const prisma = ctx.db.prisma;
    const victim = await createTargetUser(prisma, ["writer"], PASSWORD);
    const h = harness();
    const address = "198.51.100.7";
    for (let i = 0; i < ADDRESS_LIMITS.lockAfter - 1; i++) {
      expect(
        await signInWithPassword(prisma, { email: `guess-${i}@example.test`, password: "x", address }, h.options),
      ).toEqual({ status: "invalid" });
    }
    expect(h.delays.length).toBe(ADDRESS_LIMITS.lockAfter - 1 - ADDRESS_LIMITS.slowAfter);
    expect(h.delays[0]).toBe(1_000);
    expect(Math.max(...h.delays)).toBe(8_000);
    expect(
      await signInWithPassword(prisma, { email: "guess-last@example.test", password: "x", address }, h.options),
    ).toMatchObject({
      status: "locked",
      scope: "address",
    });
    // The right password from that address is refused; from elsewhere it works, and does not unlock the address.
    expect(
      await signInWithPassword(prisma, { email: victim.email, password: PASSWORD, address }, h.options),
    ).toMatchObject({ status: "locked" });
    expect(
      await signInWithPassword(prisma, { email: victim.email, password: PASSWORD, address: "192.0.2.1" }, h.options),
    ).toMatchObject({
      status: "signed_in",
    });
    expect(
      await signInWithPassword(prisma, { email: victim.email, password: PASSWORD, address }, h.options),
    ).toMatchObject({ status: "locked" });
    expect(await prisma.auditLog.count({ where: { action: "auth.locked", address } })).toBe(1);
  });
});

describe("disabled users and users without a password", () => {
  it("cannot sign in, even with the right password", async () => {
    const prisma = ctx.db.prisma;
    const h = harness();
    const user = await createTargetUser(prisma, ["writer"], PASSWORD);
    await prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(
      await signInWithPassword(prisma, { email: user.email, password: PASSWORD, address: freshAddress() }, h.options),
    ).toEqual({ status: "invalid" });
    const entry = await prisma.auditLog.findFirstOrThrow({
      where: { entityId: String(user.id) },
      orderBy: { id: "desc" },
    });
    expect(entry).toMatchObject({ action: "auth.sign_in_failed", data: { reason: "disabled" } });
    const noPassword = await createTargetUser(prisma);
    expect(
      await signInWithPassword(prisma, { email: noPassword.email, password: "", address: "x" }, h.options),
    ).toEqual({ status: "invalid" });
  });
});

describe("the interface language chosen on the sign-in page", () => {
  it("becomes the account's language on success, and a failed attempt changes nothing", async () => {
    const prisma = ctx.db.prisma;
    const user = await createTargetUser(prisma, ["writer"], PASSWORD);
    const stored = async () => (await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).uiLocale;
    expect(await stored()).toBe("ar");
    const h = harness();
    const failed = await signInWithPassword(
      prisma,
      { email: user.email, password: "wrong", address: freshAddress(), uiLocale: "ru" },
      h.options,
    );
    expect(failed).toEqual({ status: "invalid" });
    expect(await stored()).toBe("ar");

    const signedIn = await signInWithPassword(
      prisma,
      { email: user.email, password: PASSWORD, address: freshAddress(), uiLocale: "en" },
      h.options,
    );
    expect(signedIn).toMatchObject({ status: "signed_in", user: { uiLocale: "en" } });
    expect(await stored()).toBe("en");

    // No choice made: the account's own language stands.
    const again = await signInWithPassword(
      prisma,
      { email: user.email, password: PASSWORD, address: freshAddress() },
      h.options,
    );
    expect(again).toMatchObject({ status: "signed_in", user: { uiLocale: "en" } });
  });
});
