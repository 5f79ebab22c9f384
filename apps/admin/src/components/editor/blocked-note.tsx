// What keeps a text from going live (a missing title, an import's missing date), said above the editor.
import { getTranslations } from "next-intl/server";
import { isKnownWarningCode } from "../../lib/warning-codes.ts";

export async function BlockedNote({ codes }: { codes: readonly string[] }) {
  if (codes.length === 0) return null;
  const [t, tWarnings, tHints] = await Promise.all([
    getTranslations("Editor"),
    getTranslations("Warnings"),
    getTranslations("WarningHints"),
  ]);
  return (
    <div
      role="note"
      className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900"
      data-testid="blocked-note"
    >
      <p className="font-semibold">{t("blockedTitle")}</p>
      <ul className="list-inside list-disc">
        {codes.map((code) => (
          <li key={code}>{isKnownWarningCode(code) ? tWarnings(code) : tHints("other")}</li>
        ))}
      </ul>
    </div>
  );
}
