import { describe, expect, it } from "vitest";
import { getPathname } from "./paths.ts";

describe("getPathname", () => {
  it("leaves Arabic paths unprefixed and prefixes Russian and English ones", () => {
    expect(getPathname({ href: "/", locale: "ar" })).toBe("/");
    expect(getPathname({ href: "/", locale: "ru" })).toBe("/ru");
    expect(getPathname({ href: "/news/12/%D9%84", locale: "ar" })).toBe("/news/12/%D9%84");
    expect(getPathname({ href: "/news/12/lavrov", locale: "en" })).toBe("/en/news/12/lavrov");
    expect(getPathname({ href: "/tags/kazakhstan/page/2", locale: "ru" })).toBe("/ru/tags/kazakhstan/page/2");
  });

  it("writes query parameters encoded, leaving out the undefined ones", () => {
    expect(
      getPathname({ href: { pathname: "/search", query: { q: "كازاخستان & روسيا", page: 2 } }, locale: "ar" }),
    ).toBe(
      "/search?q=%D9%83%D8%A7%D8%B2%D8%A7%D8%AE%D8%B3%D8%AA%D8%A7%D9%86+%26+%D8%B1%D9%88%D8%B3%D9%8A%D8%A7&page=2",
    );
    expect(getPathname({ href: { pathname: "/search", query: { q: "x", page: undefined } }, locale: "ru" })).toBe(
      "/ru/search?q=x",
    );
    expect(getPathname({ href: { pathname: "/", query: {} }, locale: "en" })).toBe("/en");
  });
});
