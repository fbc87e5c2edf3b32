/**
 * Indian business identifiers, checked by format and, where the scheme has one, by check character. Values are
 * normalised (upper case, no spaces) before checking; each check returns a message key, or null when valid.
 */
export type IdentifierProblem = "udyamFormat" | "gstinFormat" | "gstinChecksum" | "panFormat" | "iecFormat";

const base36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

export const normaliseId = (v: string) => v.toUpperCase().replace(/[\s]/g, "");

/** Udyam Registration Number: UDYAM-XX-00-0000000 (State letters, district number, serial). No check digit. */
export function udyamProblem(v: string): IdentifierProblem | null {
  return /^UDYAM-[A-Z]{2}-\d{2}-\d{7}$/.test(v) ? null : "udyamFormat";
}

/** PAN: five letters (the fourth says the kind of holder), four digits, a letter. */
export function panProblem(v: string): IdentifierProblem | null {
  return /^[A-Z]{3}[ABCFGHJLPT][A-Z]\d{4}[A-Z]$/.test(v) ? null : "panFormat";
}

/** The GSTIN check character: CBIC's mod-36 scheme over the first 14 characters (alternate weights 1 and 2). */
export function gstinCheckChar(first14: string): string {
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    const product = base36.indexOf(first14[i] as string) * (i % 2 === 0 ? 1 : 2);
    sum += Math.floor(product / 36) + (product % 36);
  }
  return base36[(36 - (sum % 36)) % 36] as string;
}

/** GSTIN: State code (01–38, 97, 99), the holder's PAN, entity number, Z, check character. */
export function gstinProblem(v: string): IdentifierProblem | null {
  if (!/^\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/.test(v)) return "gstinFormat";
  const state = Number(v.slice(0, 2));
  if (!((state >= 1 && state <= 38) || state === 97 || state === 99)) return "gstinFormat";
  return gstinCheckChar(v.slice(0, 14)) === v[14] ? null : "gstinChecksum";
}

/** Importer-Exporter Code: since 2017 the holder's PAN; older codes are ten digits. */
export function iecProblem(v: string): IdentifierProblem | null {
  return /^\d{10}$/.test(v) || panProblem(v) === null ? null : "iecFormat";
}
