"use client";
// Beside a time given in the newsroom's zone: the same instant on the editor's own clock, when it reads differently
// (an editor in Dubai sees "your device's time: 11:00" under 10:00 Moscow time). Only the browser knows its zone,
// so nothing is rendered on the server.
import { useSyncExternalStore } from "react";
import { useLocale, useTranslations } from "next-intl";
import { intlLocaleOf, NEWSROOM_TIME_ZONE, sameClock } from "@minbar/i18n";

const noSubscription = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function LocalTime({ instant }: { instant: Date | string }) {
  const t = useTranslations("DateTimeField");
  const locale = useLocale();
  const zone = useSyncExternalStore(noSubscription, browserZone, () => null);
  const at = new Date(instant);
  if (!zone || Number.isNaN(at.getTime()) || sameClock(at, NEWSROOM_TIME_ZONE, zone)) return null;
  const when = new Intl.DateTimeFormat(intlLocaleOf(locale), {
    timeZone: zone,
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(at);
  return (
    <span className="mt-1 block text-xs text-gray-600" data-testid="local-time">
      {t("localTime", { when })}
    </span>
  );
}
