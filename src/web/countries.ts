import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json" with { type: "json" };
import hi from "i18n-iso-countries/langs/hi.json" with { type: "json" };
import type { Lang } from "./i18n";

countries.registerLocale(en);
countries.registerLocale(hi);

/** Whether `code` is an ISO 3166-1 alpha-2 country code. */
export const isCountry = (code: string) => /^[A-Z]{2}$/.test(code) && countries.isValid(code);

/** A country's name in the reader's language (English where the Hindi list has none), from its ISO code. */
export const countryName = (code: string, lang: Lang) =>
  countries.getName(code, lang) ?? countries.getName(code, "en") ?? code;

const sorted = new Map<Lang, { code: string; name: string }[]>();

/** Every country named in the reader's language, sorted by name; worked out once per language. */
export function allCountries(lang: Lang): { code: string; name: string }[] {
  const cached = sorted.get(lang);
  if (cached) return cached;
  const collator = new Intl.Collator(lang);
  const list = Object.keys(countries.getAlpha2Codes())
    .map((code) => ({ code, name: countryName(code, lang) }))
    .sort((a, b) => collator.compare(a.name, b.name));
  sorted.set(lang, list);
  return list;
}

/** The countries as a select's options, India first: a person picks a country rather than typing its code. */
export const countryOptions = (lang: Lang): { value: string; label: string }[] => [
  { value: "IN", label: countryName("IN", lang) },
  ...allCountries(lang)
    .filter((c) => c.code !== "IN")
    .map((c) => ({ value: c.code, label: c.name })),
];
