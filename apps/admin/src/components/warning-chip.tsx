// One importer warning as a chip: its name and, on hover, what it means and what to check — both from the
// catalogues in the interface language (the importer's own message is English, for logs, and is not shown).
// No "use client": it renders in server pages (the list) and client ones (the import preview) alike.
import { useTranslations } from "next-intl";
import { isKnownWarningCode } from "../lib/warning-codes.ts";

export function WarningChip({ code, className }: { code: string; className: string }) {
  const tWarnings = useTranslations("Warnings");
  const tHints = useTranslations("WarningHints");
  const known = isKnownWarningCode(code);
  return (
    <li title={known ? tHints(code) : tHints("otherHint")} className={className} data-warning-code={code}>
      {known ? tWarnings(code) : tHints("other")}
    </li>
  );
}
