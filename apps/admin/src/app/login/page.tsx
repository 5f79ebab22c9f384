// /login: the sign-in page; someone already signed in goes straight to the article list. After a one-time link was
// used, it says the new password is saved.
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { findActor } from "../../lib/actor.ts";
import { LoginForm } from "./login-form.tsx";

export const dynamic = "force-dynamic";

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (await findActor()) redirect("/articles");
  const [t, params] = await Promise.all([getTranslations("Login"), searchParams]);
  return (
    <section className="mx-auto mt-10 max-w-sm rounded-lg bg-white p-6 shadow-sm">
      <h1 className="mb-6 text-2xl font-bold">{t("title")}</h1>
      {params.password === "set" ? (
        <p role="status" className="mb-4 rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-emerald-900">
          {t("passwordSet")}
        </p>
      ) : null}
      <LoginForm />
    </section>
  );
}
