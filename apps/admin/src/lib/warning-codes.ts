// Which stored warning codes have a translated name and explanation in the catalogues (others show a generic
// "import note" chip: the importer's own message is English and never reaches the interface).
import catalogue from "../../messages/ar.json";
import conventions from "../../messages/conventions/ar.json";

export type KnownWarningCode = keyof typeof catalogue.Warnings;

// Every named warning has its explanation for the chip's tooltip too: a missing one fails the type check.
const explained: Record<KnownWarningCode, string> = conventions.WarningHints;

export function isKnownWarningCode(code: string): code is KnownWarningCode {
  return Object.hasOwn(catalogue.Warnings, code) && Object.hasOwn(explained, code);
}
