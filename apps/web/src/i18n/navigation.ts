// Locale-aware Link, redirect and pathname helpers bound to the site's routing.
import NextLink from "next/link";
import { createElement, type ComponentProps } from "react";
import { createNavigation } from "next-intl/navigation";
import { getLocale } from "next-intl/server";
import type { Locale } from "@minbar/i18n";
import { routing } from "./routing";

const navigation = createNavigation(routing);

export const { redirect, permanentRedirect, getPathname } = navigation;

type LinkProps = Omit<ComponentProps<typeof NextLink>, "href" | "locale"> & {
  href: Parameters<typeof getPathname>[0]["href"];
  /** Another edition: the link then always carries its prefix, as next-intl's own Link does. */
  locale?: Locale;
};

/**
 * next-intl's Link for server components, minus its client half: next-intl's Link renders a client component that
 * reads the locale from NextIntlClientProvider, which would be the only reason to ship that provider. The locale is
 * known here on the server, so the href is computed here and a plain next/link rendered.
 */
export async function Link({ href, locale, ...rest }: LinkProps) {
  const target = locale ?? ((await getLocale()) as Locale);
  return createElement(NextLink, {
    // No prefetching: fetching and decoding the payload of every link in view (the masthead's front-page link, the
    // related stories) is main-thread work on a phone while the reader starts reading, for pages that are served from
    // cache in milliseconds anyway when clicked.
    prefetch: false,
    ...rest,
    // `forcePrefix: false` would drop the prefix even where one is needed, so it is left out unless true.
    href: getPathname({ href, locale: target, ...(locale != null ? { forcePrefix: true } : {}) }),
  });
}
