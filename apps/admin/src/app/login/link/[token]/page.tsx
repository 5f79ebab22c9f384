// /login/link/<token>: a one-time link's page. Opening it spends nothing; choosing a password does. An unknown,
// used or expired link says so plainly; an address that tried too many such links is asked to wait.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { inspectSignInLink, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@minbar/db/accounts";
import { getDb } from "../../../../db.ts";
import { clientAddress } from "../../../../lib/client-address.ts";
import { SetPasswordForm } from "./set-password-form.tsx";

export const dynamic = "force-dynamic";

// The token is in the address: never send it to another site in a Referer header.
export const metadata: Metadata = { referrer: "no-referrer" };

export default async function SignInLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const address = clientAddress(await headers());
  const [t, inspected] = await Promise.all([
    getTranslations("SignInLink"),
    inspectSignInLink(getDb(), token, { address }),
  ]);
  return (
    <section className="mx-auto mt-10 max-w-md rounded-lg bg-white p-6 shadow-sm">
      <h1 className="mb-6 text-2xl font-bold">{t("title")}</h1>
      {inspected.status === "valid" ? (
        <>
          <p className="mb-4">{t("intro", { name: inspected.name, email: inspected.email })}</p>
          <SetPasswordForm token={token} limits={{ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH }} />
        </>
      ) : (
        <>
          <p role="alert" className="mb-4 rounded border border-red-300 bg-red-50 px-3 py-2 text-red-800">
            {t(`errors.${inspected.status}`)}
          </p>
          <Link href="/login" className="text-brand underline">
            {t("goToLogin")}
          </Link>
        </>
      )}
    </section>
  );
}
