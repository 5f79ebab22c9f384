// Russian and English wire texts: language from the script, each page shape, dates in every month form, footers.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FIXTURES_DIR } from "../test/seeds.ts";
import { BLOCKING_WARNINGS, parseArticle } from "./index.ts";
import type { ParseResult, ParsedArticle } from "./index.ts";
import { parseRuEnDateLine, resolveRuEnMonth, resolveRuEnWeekday } from "./ru-en-dates.ts";

function parseFixture(name: string): ParseResult {
  return parseArticle(readFileSync(FIXTURES_DIR + name));
}

function expectArticle(result: ParseResult): ParsedArticle {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.article;
}

function listCodes(result: ParseResult): string[] {
  return result.warnings.map((warning) => warning.code);
}

describe("Russian wire texts", () => {
  it("switch line `En Ar`, title, full date line, heading, «» group line with –, Фото and Источник", () => {
    const result = parseFixture("ru-full-date.txt");
    const parsed = expectArticle(result);
    expect(parsed).toEqual({
      locale: "ru",
      title: "Лавров обсудил с министром иностранных дел Казахстана вопросы стратегического партнёрства",
      provisionalTitle: null,
      publishedOn: "2019-06-19",
      blocks: [
        {
          type: "paragraph",
          text: "Министр иностранных дел России Сергей Лавров провёл переговоры с министром иностранных дел Казахстана Бейбутом Атамкуловым в среду, 19 июня 2019 года.",
        },
        {
          type: "paragraph",
          text: "Стороны подробно обсудили широкий круг вопросов двустороннего и международного сотрудничества.",
        },
        { type: "heading", text: "Гуманитарные связи" },
        {
          type: "paragraph",
          text: "Министры отметили важность развития культурных и образовательных обменов между двумя странами.",
        },
      ],
      photoCredit: "МИД России",
      source: "ТАСС",
      brand: "Группа стратегического видения «Россия – Исламский мир»",
    });
    expect(listCodes(result)).toEqual([]);
  });

  it("date line without a year (`4 марта`): year from the body's dateline; the non-official translation note is dropped", () => {
    const result = parseFixture("ru-no-year.txt");
    const parsed = expectArticle(result);
    expect(parsed.locale).toBe("ru");
    expect(parsed.title).toBe(
      "Мишустин подтвердил готовность к сотрудничеству на встрече с новым премьер-министром Казахстана",
    );
    expect(parsed.publishedOn).toBe("2024-03-04");
    expect(listCodes(result)).toEqual(["year_from_body"]);
    expect(result.warnings[0]?.message).toContain("понедельник, 4 марта 2024");
    expect(parsed.blocks.map((block) => block.text).join("\n")).not.toContain("Неофициальный перевод");
    expect(parsed.blocks).toHaveLength(2);
    expect(parsed.brand).toBe('Группа стратегического видения "Россия - Исламский мир"');
    expect([parsed.photoCredit, parsed.source]).toEqual(["Совет Федерации", "ТАСС"]);
  });

  it("no switch line, no title, no date line: provisional title, date from `сегодня, в четверг, 19 августа 2021 г.`", () => {
    const result = parseFixture("ru-no-title.txt");
    const parsed = expectArticle(result);
    expect(parsed.locale).toBe("ru");
    expect(parsed.title).toBeNull();
    expect(parsed.provisionalTitle).toBe(
      "Первый президент Казахстана Нурсултан Назарбаев в ходе встречи сегодня, в четверг",
    );
    expect(parsed.publishedOn).toBe("2021-08-19");
    expect(listCodes(result)).toEqual(["missing_title", "date_from_body"]);
    expect(BLOCKING_WARNINGS).toContain("missing_title");
    expect(parsed.brand).toBe("Группа стратегического видения «Россия — Исламский мир»");
    expect(parsed.blocks).toHaveLength(2);
  });
});

describe("English wire texts", () => {
  it("no switch line, title, `01 November 2019`, `Non-official translation`, heading, group line, Photo and Source", () => {
    const result = parseFixture("en-full-date.txt");
    const parsed = expectArticle(result);
    expect(parsed.locale).toBe("en");
    expect(parsed.title).toBe("Lavrov: joint solutions strengthen the relations between Russia and Kazakhstan");
    expect(parsed.publishedOn).toBe("2019-11-01");
    expect(parsed.blocks.map((block) => block.type)).toEqual(["paragraph", "heading", "paragraph"]);
    expect(parsed.blocks[1]?.text).toBe("Areas of cooperation");
    expect(parsed.blocks[0]?.text.startsWith("Russian Foreign Minister Sergey Lavrov")).toBe(true);
    expect(parsed.photoCredit).toBe("Russian Foreign Ministry");
    expect(parsed.source).toBe("TASS");
    expect(parsed.brand).toBe('Group of Strategic Vision "Russia – Islamic World"');
    expect(listCodes(result)).toEqual([]);
  });

  it("`Ru Ar`, `04 May` without a year: the year from `on Thursday, May 4, 2023`; “” quotes and a hyphen", () => {
    const result = parseFixture("en-no-year.txt");
    const parsed = expectArticle(result);
    expect(parsed.locale).toBe("en");
    expect(parsed.title).toBe(
      "Mishustin: cooperation between Russia and Kazakhstan matters especially in the face of sanctions",
    );
    expect(parsed.publishedOn).toBe("2023-05-04");
    expect(listCodes(result)).toEqual(["year_from_body"]);
    expect(parsed.brand).toBe("Group of Strategic Vision “Russia - Islamic World”");
    expect(parsed.blocks).toHaveLength(2);
  });

  it("`04 May` and no full date in the body: missing_year (blocking), month-year mentions ignored", () => {
    const result = parseFixture("en-missing-year.txt");
    const parsed = expectArticle(result);
    expect(parsed.locale).toBe("en");
    expect(parsed.publishedOn).toBeNull();
    expect(listCodes(result)).toEqual(["missing_year", "missing_source"]);
    expect(result.warnings[0]?.message).toBe(
      "the date line gives 4 May without a year, and the body gives no full date",
    );
    expect(BLOCKING_WARNINGS).toContain("missing_year");
  });

  it("serialises to the same JSON shape as Arabic, with the locale", () => {
    const parsed = expectArticle(parseFixture("en-full-date.txt"));
    const arabic = expectArticle(parseArticle("عنوان الخبر\n٣٠ مايو ٢٠٢٢\nنص الخبر."));
    expect(Object.keys(JSON.parse(JSON.stringify(parsed)) as object)).toEqual(Object.keys(arabic));
    expect(arabic.locale).toBe("ar");
  });
});

describe("language from the script", () => {
  it("a Russian text quoting English names is Russian; an English one quoting Russian words is English", () => {
    const ru = parseArticle(
      "Заголовок новости\n\n4 марта 2024\n\nКомпания Gazprom Neft и банк VTB подписали соглашение.",
    );
    expect(expectArticle(ru).locale).toBe("ru");
    const en = parseArticle("News title\n\nMarch 4, 2024\n\nThe word «перевод» means translation in Russian, he said.");
    expect(expectArticle(en).locale).toBe("en");
    expect(expectArticle(en).publishedOn).toBe("2024-03-04");
  });

  it("the switch line and footer lines do not decide the language", () => {
    const text = "En Ar\n\nЗаголовок\n\n19 июня 2019\n\nТекст.\n\nSource: Reuters and Associated Press Television News";
    expect(expectArticle(parseArticle(text)).locale).toBe("ru");
  });

  it("an Arabic date line is not read in an English text, nor an English one in Arabic", () => {
    const en = parseArticle("A title\n\n٣٠ مايو ٢٠٢٢\n\nBody text.");
    expect(expectArticle(en).publishedOn).toBeNull();
    const ar = parseArticle("عنوان الخبر\n\n30 May 2022\n\nنص الخبر.");
    expect(expectArticle(ar).publishedOn).toBeNull();
  });
});

describe("Russian and English month names", () => {
  const months: Array<[number, string[]]> = [
    [1, ["январь", "января", "январе", "янв.", "January", "Jan", "JAN."]],
    [2, ["февраль", "февраля", "феврале", "фев", "февр.", "February", "Feb"]],
    [3, ["март", "марта", "марте", "Мар.", "March", "Mar"]],
    [4, ["апрель", "апреля", "апреле", "апр", "April", "Apr."]],
    [5, ["май", "мая", "Мая", "МАЯ", "мае", "May"]],
    [6, ["июнь", "июня", "июне", "Июнь", "June", "Jun"]],
    [7, ["июль", "июля", "июле", "July", "Jul"]],
    [8, ["август", "августа", "августе", "авг.", "August", "Aug"]],
    [9, ["сентябрь", "сентября", "сентябре", "сент.", "сен", "September", "Sep", "Sept", "Sept."]],
    [10, ["октябрь", "октября", "октябре", "окт.", "October", "Oct"]],
    [11, ["ноябрь", "ноября", "ноябре", "нояб.", "November", "Nov"]],
    [12, ["декабрь", "декабря", "декабре", "дек.", "December", "Dec"]],
  ];
  it.each(months)("month %i in every form", (month, forms) => {
    for (const form of forms) expect(resolveRuEnMonth(form), form).toBe(month);
  });

  it("other words are not months", () => {
    for (const word of ["марш", "мир", "Mayor", "Marching", "of", "года"]) expect(resolveRuEnMonth(word)).toBeNull();
  });

  it("weekdays in the cases a dateline uses", () => {
    expect(["среда", "среду", "Wednesday", "Wed."].map(resolveRuEnWeekday)).toEqual([3, 3, 3, 3]);
    expect(["воскресенье", "Sunday", "понедельник", "Thurs", "субботу"].map(resolveRuEnWeekday)).toEqual([
      0, 0, 1, 4, 6,
    ]);
  });

  it.each([
    ["19 июня 2019", { year: 2019, month: 6, day: 19, weekday: null }],
    ["4 марта 2024", { year: 2024, month: 3, day: 4, weekday: null }],
    ["04 Мая", { year: null, month: 5, day: 4, weekday: null }],
    ["1 сентября 2020 г.", { year: 2020, month: 9, day: 1, weekday: null }],
    ["12 декабря 2022 года, 14:30", { year: 2022, month: 12, day: 12, weekday: null }],
    ["среда, 19 июня 2019", { year: 2019, month: 6, day: 19, weekday: 3 }],
    ["01 November 2019", { year: 2019, month: 11, day: 1, weekday: null }],
    ["04 May", { year: null, month: 5, day: 4, weekday: null }],
    ["March 4, 2024", { year: 2024, month: 3, day: 4, weekday: null }],
    ["Sept. 9, 2021", { year: 2021, month: 9, day: 9, weekday: null }],
    ["Monday, 4 March 2024", { year: 2024, month: 3, day: 4, weekday: 1 }],
    ["1st of May 2024", { year: 2024, month: 5, day: 1, weekday: null }],
    ["29 February 2024", { year: 2024, month: 2, day: 29, weekday: null }],
    ["19.06.2019", { year: 2019, month: 6, day: 19, weekday: null }],
    ["2024-03-04", { year: 2024, month: 3, day: 4, weekday: null }],
  ])("date line %s", (line, expected) => {
    expect(parseRuEnDateLine(line)).toEqual(expected);
  });

  it.each([
    "31 февраля 2024",
    "29 February 2023",
    "4 мира 2024",
    "Chapter 5",
    "Понедельник, 4",
    "4 марта 2024 года в Москве",
  ])("not a date line: %s", (line) => {
    expect(parseRuEnDateLine(line)).toBeNull();
  });

  it("every month on a Russian date line and in its body dateline", () => {
    const genitive = [
      "января",
      "февраля",
      "марта",
      "апреля",
      "мая",
      "июня",
      "июля",
      "августа",
      "сентября",
      "октября",
      "ноября",
      "декабря",
    ];
    genitive.forEach((name, index) => {
      const result = parseArticle(
        `Заголовок\n\n${index + 1} ${name}\n\nСегодня, ${index + 1} ${name} 2023 года, министры встретились.\n\nИсточник: ТАСС`,
      );
      expect(expectArticle(result).publishedOn).toBe(
        `2023-${String(index + 1).padStart(2, "0")}-${String(index + 1).padStart(2, "0")}`,
      );
      expect(listCodes(result)).toEqual(["year_from_body"]);
    });
  });

  it("a weekday that does not fit the date is reported in English names", () => {
    const result = parseArticle("Заголовок\n\n19 июня 2019\n\nВо вторник, 19 июня 2019 года, стороны встретились.");
    expect(listCodes(result)).toContain("weekday_mismatch");
    expect(result.warnings.find((w) => w.code === "weekday_mismatch")?.message).toContain("names Tuesday");
  });
});

describe("footer lines of Russian and English pages", () => {
  it.each([
    "Группа стратегического видения «Россия – Исламский мир»",
    "Группа стратегического видения «Россия - Исламский мир»",
    'Группа стратегического видения "Россия – Исламский мир"',
    "Группа стратегического видения “Россия — исламский мир”",
    'Group of Strategic Vision "Russia – Islamic World"',
    "Group of Strategic Vision «Russia - Islamic World»",
    "Group of Strategic Vision “Russia – Islamic World”",
  ])("the group's line %s after the body is the brand", (line) => {
    const parsed = expectArticle(
      parseArticle(`Title line\n\n04 May 2024\n\nBody text here.\n\n${line}\n\nPhoto: AP\n\nSource: TASS`),
    );
    expect(parsed.brand).toBe(line);
    expect(parsed.blocks).toEqual([{ type: "paragraph", text: "Body text here." }]);
    expect([parsed.photoCredit, parsed.source]).toEqual(["AP", "TASS"]);
  });

  it("`Фото:` and `Источник:` with a dash separator, in any order", () => {
    const parsed = expectArticle(
      parseArticle("Заголовок\n\n4 марта 2024\n\nТекст.\n\nИсточник - РИА Новости\nфото: Кремль"),
    );
    expect([parsed.photoCredit, parsed.source]).toEqual(["Кремль", "РИА Новости"]);
  });

  it("a headline that begins with the group's name is the title, in Russian and English", () => {
    const ru = expectArticle(
      parseArticle(
        "En Ar\n\nГруппа стратегического видения «Россия – Исламский мир» провела заседание в Казани\n\n20 мая 2024\n\nЗаседание прошло 6 июня 2024 года.\n\nГруппа стратегического видения «Россия – Исламский мир»\n\nИсточник: ТАСС",
      ),
    );
    expect(ru.title).toBe("Группа стратегического видения «Россия – Исламский мир» провела заседание в Казани");
    expect(ru.publishedOn).toBe("2024-05-20");
    expect(ru.brand).toBe("Группа стратегического видения «Россия – Исламский мир»");
    const en = expectArticle(
      parseArticle(
        'Group of Strategic Vision "Russia – Islamic World" meets in Kazan\n\n20 May 2024\n\nThe meeting was held.\n\nSource: TASS',
      ),
    );
    expect(en.title).toBe('Group of Strategic Vision "Russia – Islamic World" meets in Kazan');
    expect(en.brand).toBeNull();
  });
});
