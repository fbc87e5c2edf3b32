/**
 * Devanagari to the plain Latin spelling people use for Indian names ("रेशम" → "resham", "चिकनकारी" → "chikankari"):
 * no diacritics, and the inherent vowel dropped where Hindi drops it (at the end of a word, and between two
 * consonants that each carry a sounded vowel: the VC_CV rule of schwa deletion). Libraries on the registry
 * transliterate letter by letter (Sanscript gives "reśama", any-ascii "resm"), which matches no English name.
 */

const consonants: Record<string, string> = {
  क: "k",
  ख: "kh",
  ग: "g",
  घ: "gh",
  ङ: "n",
  च: "ch",
  छ: "chh",
  ज: "j",
  झ: "jh",
  ञ: "n",
  ट: "t",
  ठ: "th",
  ड: "d",
  ढ: "dh",
  ण: "n",
  त: "t",
  थ: "th",
  द: "d",
  ध: "dh",
  न: "n",
  प: "p",
  फ: "ph",
  ब: "b",
  भ: "bh",
  म: "m",
  य: "y",
  र: "r",
  ल: "l",
  व: "v",
  श: "sh",
  ष: "sh",
  स: "s",
  ह: "h",
  ळ: "l",
  क़: "k",
  ख़: "kh",
  ग़: "g",
  ज़: "z",
  ड़: "r",
  ढ़: "rh",
  फ़: "f",
  य़: "y",
};
// The same letters written as a base and a nukta sign, as most keyboards type them.
const withNukta: Record<string, string> = {
  क: "k",
  ख: "kh",
  ग: "g",
  ज: "z",
  ड: "r",
  ढ: "rh",
  फ: "f",
  य: "y",
};
const vowels: Record<string, string> = {
  अ: "a",
  आ: "a",
  इ: "i",
  ई: "i",
  उ: "u",
  ऊ: "u",
  ऋ: "ri",
  ए: "e",
  ऐ: "ai",
  ओ: "o",
  औ: "au",
  ऑ: "o",
  ऍ: "e",
};
const signs: Record<string, string> = {
  "ा": "a",
  "ि": "i",
  "ी": "i",
  "ु": "u",
  "ू": "u",
  "ृ": "ri",
  "े": "e",
  "ै": "ai",
  "ो": "o",
  "ौ": "au",
  "ॉ": "o",
  "ॅ": "e",
};
const virama = "्";
const nukta = "़";
const nasals = new Set(["ं", "ँ"]);

/** A consonant with its vowel: written (a sign), none (virama), or the inherent "a" that may be dropped. */
type Unit = { sound: string; vowel: string | null; inherent: boolean; nasal: boolean };

function units(word: string): Unit[] {
  const out: Unit[] = [];
  const chars = [...word];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const last = out[out.length - 1];
    if (ch === nukta) {
      if (last?.sound && last.inherent) {
        const base = Object.entries(consonants).find(([, v]) => v === last.sound)?.[0];
        if (base && withNukta[base]) last.sound = withNukta[base];
      }
    } else if (consonants[ch] !== undefined) {
      out.push({ sound: consonants[ch], vowel: "a", inherent: true, nasal: false });
    } else if (vowels[ch] !== undefined) {
      out.push({ sound: "", vowel: vowels[ch], inherent: false, nasal: false });
    } else if (signs[ch] !== undefined && last) {
      last.vowel = signs[ch];
      last.inherent = false;
    } else if (ch === virama && last) {
      last.vowel = null;
      last.inherent = false;
    } else if (nasals.has(ch) && last) {
      last.nasal = true;
    } else if (ch === "ः" && last) {
      last.vowel = `${last.vowel ?? ""}h`;
    } else if (/[०-९]/.test(ch)) {
      out.push({ sound: String(ch.charCodeAt(0) - 0x966), vowel: null, inherent: false, nasal: false });
    } else if (/\p{L}|\p{N}/u.test(ch)) {
      out.push({ sound: ch, vowel: null, inherent: false, nasal: false });
    }
  }
  return out;
}

/** Romanises one word (or several separated by spaces) written in Devanagari; other letters pass through. */
export function romanise(text: string): string {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => {
      const u = units(word);
      const sounded = (x: Unit | undefined) => !!x && x.vowel !== null;
      // The last inherent vowel is silent (रेशम → resham), unless the word is one syllable (न → na).
      const lastUnit = u[u.length - 1];
      if (lastUnit?.inherent && !lastUnit.nasal && u.length > 1) lastUnit.vowel = null;
      // From the right: an inherent vowel between a sounded vowel and a consonant with a sounded vowel is silent.
      for (let i = u.length - 2; i >= 1; i--) {
        const cur = u[i] as Unit;
        const next = u[i + 1];
        if (cur.inherent && !cur.nasal && sounded(u[i - 1]) && next?.sound && sounded(next)) cur.vowel = null;
      }
      return u
        .map((x, i) => {
          const next = u[i + 1]?.sound ?? "";
          const nasal = x.nasal ? (/^[pbm]/.test(next) ? "m" : "n") : "";
          return x.sound + (x.vowel ?? "") + nasal;
        })
        .join("");
    })
    .join(" ");
}

/** Whether a text has any Devanagari letter. */
export const hasDevanagari = (text: string) => /[\u0900-\u097F]/.test(text);
