import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json" with { type: "json" };
import hi from "i18n-iso-countries/langs/hi.json" with { type: "json" };
import type { Lang } from "../../web/i18n";

countries.registerLocale(en);
countries.registerLocale(hi);

/** Whether `code` is an ISO 3166-1 alpha-2 country code. */
export const isCountry = (code: string) => countries.isValid(code) && /^[A-Z]{2}$/.test(code);

/** A country's name in the reader's language (English where the Hindi list has none), from its ISO code. */
export const countryName = (code: string, lang: Lang) =>
  countries.getName(code, lang) ?? countries.getName(code, "en") ?? code;

/** Every country, for the form's list of suggestions, named in the reader's language. */
export const allCountries = (lang: Lang) =>
  Object.keys(countries.getAlpha2Codes())
    .map((code) => ({ code, name: countryName(code, lang) }))
    .sort((a, b) => a.name.localeCompare(b.name, lang));
