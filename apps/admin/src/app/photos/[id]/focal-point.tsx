"use client";
// Choosing a photo's focal point, the spot every crop keeps in frame: click the image, or focus it and move the
// marker with the arrow keys (Shift: larger steps). Coordinates are physical fractions of the image (0 at its left
// and top edge, 1 at its right and bottom) whatever the interface's direction.
import { useLocale, useTranslations } from "next-intl";
import { formatInteger } from "@minbar/i18n";
import type { KeyboardEvent, MouseEvent } from "react";

type Props = {
  /** The large rendition, or null while renditions are being made (a box of the photo's shape is shown). */
  src: string | null;
  alt: string;
  width: number;
  height: number;
  x: number;
  y: number;
  /** Absent: read-only. */
  onChange?: (x: number, y: number) => void;
};

const clamp = (value: number) => Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;

export function FocalPoint({ src, alt, width, height, x, y, onChange }: Props) {
  const t = useTranslations("Media.photo.focal");
  const locale = useLocale();
  const percent = (value: number) => formatInteger(Math.round(value * 100), locale);
  const readout = t("position", { x: percent(x), y: percent(y) });
  // About 16 CSS pixels on a 1024-pixel-wide preview, in the image's own units.
  const markerRadius = Math.max(width, height) / 64;

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (!onChange) return;
    const box = event.currentTarget.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return;
    onChange(clamp((event.clientX - box.left) / box.width), clamp((event.clientY - box.top) / box.height));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!onChange) return;
    const step = event.shiftKey ? 0.1 : 0.02;
    // Arrow keys move the marker on the image itself, so left is left in Arabic too.
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    onChange(clamp(x + move[0]), clamp(y + move[1]));
  };

  return (
    <figure className="space-y-2">
      {/* No style attributes here: the Content-Security-Policy refuses them in server-rendered HTML. The box takes the
          image's shape from the image (or from an SVG's viewBox while there is none), and the marker is drawn in an
          SVG whose coordinates are the image's own pixels. */}
      <div
        role={onChange ? "application" : "img"}
        aria-label={onChange ? t("label") : alt}
        aria-roledescription={onChange ? t("roleDescription") : undefined}
        aria-describedby={onChange ? "focal-point-hint" : undefined}
        tabIndex={onChange ? 0 : undefined}
        onClick={onClick}
        onKeyDown={onKeyDown}
        data-testid="focal-area"
        className={`relative mx-auto w-full max-w-[1024px] overflow-hidden rounded bg-gray-100 focus-visible:outline-4 focus-visible:outline-brand ${onChange ? "cursor-crosshair" : ""}`}
      >
        {src ? (
          // eslint-disable-next-line @next/next/no-img-element -- the library's own rendition, already sized
          <img
            src={src}
            alt={onChange ? alt : ""}
            width={width}
            height={height}
            draggable={false}
            className="block h-auto w-full select-none"
          />
        ) : (
          <>
            <svg aria-hidden="true" viewBox={`0 0 ${width} ${height}`} className="block h-auto w-full" />
            <span className="absolute inset-0 flex items-center justify-center p-4 text-center text-sm text-gray-600">
              {t("preparing")}
            </span>
          </>
        )}
        <svg
          aria-hidden="true"
          viewBox={`0 0 ${width} ${height}`}
          className="pointer-events-none absolute inset-0 h-full w-full"
          data-testid="focal-marker"
          data-x={x}
          data-y={y}
        >
          <circle
            cx={x * width}
            cy={y * height}
            r={markerRadius}
            fill="none"
            stroke="rgb(0 0 0 / 0.6)"
            strokeWidth={8}
            vectorEffect="non-scaling-stroke"
          />
          <circle
            cx={x * width}
            cy={y * height}
            r={markerRadius}
            fill="rgb(255 255 255 / 0.25)"
            stroke="white"
            strokeWidth={4}
            vectorEffect="non-scaling-stroke"
          />
        </svg>
      </div>
      <figcaption className="text-sm text-gray-600">
        <span aria-live="polite" data-testid="focal-readout">
          {readout}
        </span>
        {onChange ? (
          <span id="focal-point-hint" className="block text-xs">
            {t("hint")}
          </span>
        ) : null}
      </figcaption>
    </figure>
  );
}
