// The corpus `npm run bench:search` searches: many published articles per language, written by PostgreSQL itself
// (one INSERT per batch, the search vector made by the same trigger as every other write), from a word list per
// language: the seeds' own Arabic words, and for Russian and English a small list of news words in several forms.
import pg from "pg";

// The bench counts the lexicon the way the admin's scheduler does, after filling.
export { refreshSearchLexicon } from "../search/near-spellings.ts";

type Locale = "ar" | "ru" | "en";

// News words in several grammatical forms, so that stemming has work to do and queries in one form find the others.
const RUSSIAN_WORDS = `
выборы выборов выборах избиратели избирателей голосование голосования голосовании парламент парламента парламенте
правительство правительства правительстве министр министра министры министров президент президента президентом
переговоры переговоров переговорах встреча встречи встрече визит визита визитом делегация делегации соглашение
соглашения соглашений договор договора сотрудничество сотрудничества сотрудничестве партнёрство партнёрства
стратегический стратегического стратегическое экономика экономики экономический экономического торговля торговли
торговый инвестиции инвестиций проект проекта проекты проектов энергетика энергетики нефть нефти газ газа
безопасность безопасности оборона обороны армия армии конфликт конфликта урегулирование урегулирования мир мира
регион региона регионе страна страны странами столица столицы город города городе Москва Москвы Москве Россия
России Казахстан Казахстана Астана Астаны Татарстан Татарстана Казань Казани Египет Египта Саудовская Аравии
Турция Турции Иран Ирана Сирия Сирии Ирак Ирака Катар Катара Эмираты Эмиратов ислам ислама исламский исламского
мусульмане мусульман мечеть мечети форум форума форуме саммит саммита саммите конференция конференции заседание
заседания группа группы видение видения культура культуры образование образования университет университета
студенты студентов молодёжь молодёжи журналисты журналистов СМИ заявление заявления заявил заявила сообщил
сообщила отметил отметила подчеркнул подчеркнула обсудили обсуждали подписали подписан решение решения вопрос
вопросы вопросов развитие развития рост роста кризис кризиса санкции санкций рынок рынка банк банка бюджет
бюджета закон закона законопроект реформа реформы суд суда права право граждане граждан общество общества
неделя недели месяц месяца год года году сегодня вчера завтра новый новая новые важный важная важные
международный международного международные двусторонний двусторонних совместный совместного совместные
`;

const ENGLISH_WORDS = `
election elections elected electing voter voters vote votes voted voting parliament parliaments parliamentary
government governments governing minister ministers ministry president presidents presidential talks talked
negotiation negotiations negotiating meeting meetings meet met visit visits visited visiting delegation
delegations agreement agreements agreed treaty treaties cooperation cooperate cooperating partnership
partnerships strategic strategy strategies economy economies economic trade trading traded investment
investments invest invested project projects energy oil gas pipeline pipelines security secure defence defense
army armies conflict conflicts settlement peace peaceful region regions regional country countries capital city
cities Moscow Russia Russian Kazakhstan Astana Tatarstan Kazan Egypt Egyptian Saudi Arabia Turkey Turkish Iran
Iranian Syria Syrian Iraq Iraqi Qatar Emirates Islam Islamic Muslim Muslims mosque mosques forum forums summit
summits conference conferences session sessions group groups vision culture cultural education educational
university universities student students youth journalist journalists media statement statements stated said
says announce announced announcement noted stressed discussed discussing discussion signed signing sign decision
decisions decide decided question questions issue issues development developing developed growth grow growing
crisis crises sanction sanctions market markets bank banks banking budget budgets law laws bill reform reforms
court courts right rights citizen citizens society societies week weeks month months year years today yesterday
tomorrow new important international bilateral joint leader leaders leadership official officials foreign
relations relationship ties historic history future plan plans planned planning program programme support
supported supporting
`;

// Words every text is full of and the language's text-search configuration drops; half of each text is these.
const STOP_WORDS: Readonly<Record<Locale, string>> = {
  ar: "في من على إلى أن عن مع التي الذي هذا هذه ذلك كان قد ما لا كما بين حيث وقد أو ثم كل بعد عند إن لم",
  ru: "и в во не что он на с со как а то все она так его но да к у же за бы по только от еще нет о из когда уже или до для мы их чем была без будет кто этот того при об после над через эти про",
  en: "the of and to in a is that for on with as was by at from it be are has have this which an its were their will or after also but been had more other about into than",
};

const ARABIC_WORD = /[\u0621-\u064A]{2,}/g;

/** The word list of a language: for Arabic, every distinct word of the given texts (the seeds). */
export function benchWordList(locale: Locale, arabicTexts: readonly string[] = []): string[] {
  if (locale === "ar") return [...new Set(arabicTexts.flatMap((text) => text.match(ARABIC_WORD) ?? []))];
  return [...new Set((locale === "ru" ? RUSSIAN_WORDS : ENGLISH_WORDS).split(/\s+/).filter(Boolean))];
}

// Forms a word takes in running text, so that near neighbours are as dense as in a real edition's lexicon.
const PREFIXES: Readonly<Record<Locale, string[]>> = {
  ar: ["", "و", "ب", "ل", "ال", "وال", "بال", "لل"],
  ru: [""],
  en: [""],
};
const SUFFIXES: Readonly<Record<Locale, string[]>> = {
  ar: ["", "ة", "ي", "ية", "ات", "ون", "ين", "ها", "هم"],
  ru: ["", "а", "у", "ом", "е", "ы", "ов", "ами", "ах", "ский", "ского"],
  en: ["", "s", "ed", "ing", "er", "ers", "ly", "ism"],
};
const LETTERS: Readonly<Record<Locale, string>> = {
  ar: "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
  ru: "абвгдежзийклмнопрстуфхцчшщыэюя",
  en: "abcdefghijklmnopqrstuvwxyz",
};

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

/** An invented name of 5–11 letters, as transliterated names are. */
export function inventedName(locale: Locale): string {
  const letters = Array.from(LETTERS[locale]);
  return Array.from({ length: 5 + Math.floor(Math.random() * 7) }, () => pick(letters)).join("");
}

/** A misspelling: two neighbouring letters swapped, one left out, or one added. */
export function misspell(locale: Locale, word: string): string {
  const letters = Array.from(word);
  const at = 1 + Math.floor(Math.random() * Math.max(1, letters.length - 2));
  const kind = Math.floor(Math.random() * 3);
  if (kind === 0 && at + 1 < letters.length) [letters[at], letters[at + 1]] = [letters[at + 1]!, letters[at]!];
  else if (kind === 1) letters.splice(at, 1);
  else letters.splice(at, 0, pick(Array.from(LETTERS[locale])));
  return letters.join("");
}

/** The words of an edition as large as a real one: `base` with its clitics and endings, and `names` invented names. */
export function benchVocabulary(locale: Locale, base: readonly string[], names: number): string[] {
  const words = new Set<string>();
  for (const word of base) {
    // A word with the article takes only the clitics before it (والحكومة, not بالالحكومة).
    const prefixes = PREFIXES[locale].filter(
      (p) => !(word.startsWith("ال") && p.endsWith("ال")) && !(word.startsWith("ال") && p === "لل"),
    );
    for (const p of prefixes) for (const s of SUFFIXES[locale]) words.add(p + word + s);
  }
  for (let i = 0; i < names; i++) words.add(inventedName(locale));
  return [...words];
}

const TOPIC_WORDS = 12;

/**
 * Inserts `count` published articles in `locale` (original and only edition), in batches of `batchSize`. Each is
 * about 12 words drawn from `words` (its topic, as a story is about a few names and things), and its title (6–11
 * words), summary (20) and body (four paragraphs of 30–60 words) are those words and stop words half and half, so a
 * word of the list is in a few percent of the articles, as a name or a subject is in real news. Dates follow the ids,
 * two minutes apart, as a newsroom publishes (so the rows of one day lie together, as in the real table).
 */
export async function fillSearchCorpus(
  url: string,
  {
    locale,
    count,
    words,
    batchSize = 5_000,
    onBatch,
  }: { locale: Locale; count: number; words: readonly string[]; batchSize?: number; onBatch?: (done: number) => void },
): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const draw = `(CASE WHEN random() < 0.5 THEN w.s[1 + floor(random() * w.sn)::int + 0 * i]
    ELSE tp.topic[1 + floor(random() * ${TOPIC_WORDS})::int] END)`;
  try {
    for (let done = 0; done < count; done += batchSize) {
      const size = Math.min(batchSize, count - done);
      // Each draw refers to its row (i, k, a.id), so PostgreSQL evaluates it per row rather than once for the statement.
      await client.query(
        `WITH w AS (SELECT $3::text[] AS v, cardinality($3::text[]) AS n, $4::text[] AS s, cardinality($4::text[]) AS sn),
         a AS (
           INSERT INTO articles (original_locale, updated_at)
           SELECT $1::"Locale", now() FROM generate_series(1, $2::int) RETURNING id
         )
         INSERT INTO article_localizations
           (article_id, locale, title, slug, summary, body, status, published_at, updated_at)
         SELECT a.id, $1::"Locale", t.text, 'bench-' || a.id, s.text, b.body, 'published',
           timestamp '2020-01-01' + (a.id + random()) * interval '2 minutes', now()
         FROM a, w,
           LATERAL (SELECT ARRAY(SELECT w.v[1 + floor(random() * w.n)::int + 0 * i]
                                 FROM generate_series(1, ${TOPIC_WORDS} + 0 * a.id) i) AS topic) tp,
           LATERAL (SELECT string_agg(${draw}, ' ') AS text FROM generate_series(1, 6 + (a.id % 6)::int) i) t,
           LATERAL (SELECT string_agg(${draw}, ' ') AS text FROM generate_series(1, 20 + 0 * a.id) i) s,
           LATERAL (
             SELECT jsonb_agg(jsonb_build_object('type', 'paragraph', 'text', p.text)) AS body
             FROM (
               SELECT (SELECT string_agg(${draw}, ' ')
                       FROM generate_series(1, 30 + floor(random() * 30)::int + 0 * k) i) AS text
               FROM generate_series(1, 4 + 0 * a.id) k
             ) p
           ) b`,
        [locale, size, words, STOP_WORDS[locale].split(" ")],
      );
      onBatch?.(done + size);
    }
    await client.query("VACUUM ANALYZE articles, article_localizations");
  } finally {
    await client.end();
  }
}
