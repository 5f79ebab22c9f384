// Which stored warning codes have a translated label in the catalogues (others show the importer's own message).
import catalogue from "../../messages/ar.json";

export type KnownWarningCode = keyof typeof catalogue.Warnings;

export function isKnownWarningCode(code: string): code is KnownWarningCode {
  return Object.hasOwn(catalogue.Warnings, code);
}
