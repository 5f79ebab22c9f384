// /login: the sign-in page; someone already signed in goes straight to the article list.
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { findActor } from "../../lib/actor";
import { LoginForm } from "./login-form";

export const dynamic = "force-dynamic";

export default async function LoginPage() {
  if (await findActor()) redirect("/articles");
  const t = await getTranslations("Login");
  return (
    <section className="mx-auto mt-10 max-w-sm rounded-lg bg-white p-6 shadow-sm">
      <h1 className="mb-6 text-2xl font-bold">{t("title")}</h1>
      <LoginForm />
    </section>
  );
}
