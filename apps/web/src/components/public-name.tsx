// A tag's, agency's, credit's or contributor's name on a public page. Where the page's language has no name yet, the
// Arabic one stands in, marked as Arabic (lang="ar" dir="rtl") so browsers, screen readers and search engines read
// it as such; isolated either way, so a name in another script cannot reorder the sentence around it.
import { Fragment, type ReactNode } from "react";
import type { PublicName } from "@minbar/db/public";
import { directionOf, type Locale } from "@minbar/i18n";

export function PublicNameText({ value, locale }: { value: PublicName; locale: Locale }) {
  return value.lang === locale ? (
    <bdi>{value.name}</bdi>
  ) : (
    <bdi lang={value.lang} dir={directionOf(value.lang)}>
      {value.name}
    </bdi>
  );
}

/**
 * Stands in for a name inside a catalogue message (whose values can only be text), then is replaced by the marked
 * element: a private-use character no message or name contains.
 */
export const NAME_SLOT = "\uE000";

/** The message's text with the slot replaced by `element`; strings inside arrays (t.rich's chunks) are searched too. */
export function fillNameSlot(message: ReactNode, element: ReactNode): ReactNode {
  if (typeof message === "string") {
    const index = message.indexOf(NAME_SLOT);
    if (index < 0) return message;
    return (
      <>
        {message.slice(0, index)}
        {element}
        {message.slice(index + NAME_SLOT.length)}
      </>
    );
  }
  if (Array.isArray(message))
    return message.map((part, i) => <Fragment key={i}>{fillNameSlot(part as ReactNode, element)}</Fragment>);
  return message;
}

/** Names joined as the language joins a list ("A, B and C"), each one marked as above. */
export function PublicNameList({ names, locale }: { names: readonly PublicName[]; locale: Locale }) {
  const slots = names.map((_, i) => `${NAME_SLOT}${i}${NAME_SLOT}`);
  const parts = new Intl.ListFormat(locale, { type: "conjunction" }).formatToParts(slots);
  return (
    <>
      {parts.map((part, i) => {
        const index = part.type === "element" ? slots.indexOf(part.value) : -1;
        const name = index >= 0 ? names[index] : undefined;
        return name ? (
          <PublicNameText key={i} value={name} locale={locale} />
        ) : (
          <Fragment key={i}>{part.value}</Fragment>
        );
      })}
    </>
  );
}
