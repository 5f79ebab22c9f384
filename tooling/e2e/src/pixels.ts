/// <reference lib="dom" />
// Reading an image's pixels in the page, as the browser decoded it: how tests check where a crop fell. (The DOM
// types are for the function run in the page.)
import type { Page } from "@playwright/test";

/** The colour (r, g, b) of one pixel of an image the page can load, read back through a canvas. */
export function pixelAt(page: Page, src: string, x: number, y: number): Promise<[number, number, number]> {
  return page.evaluate(
    async ({ src, x, y }) => {
      const image = new Image();
      image.src = src;
      await image.decode();
      const canvas = document.createElement("canvas");
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext("2d")!;
      context.drawImage(image, 0, 0);
      const [r, g, b] = context.getImageData(x, y, 1, 1).data;
      return [r!, g!, b!] as [number, number, number];
    },
    { src, x, y },
  );
}
