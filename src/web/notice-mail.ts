import type { Mail } from "../platform/outbox";
import type { Lang } from "./i18n";

/** Where links in mail point: the public origin of the platform. */
export type MailContext = { origin: string };

/** A page's address in a mail, in the recipient's language. */
export const linkTo = (mail: MailContext, path: string, lang: Lang) =>
  `${mail.origin}${path}${lang === "hi" ? `${path.includes("?") ? "&" : "?"}lang=hi` : ""}`;

/** A module's notices: for each kind, a subject and a body in each language, with `{name}` places to fill. */
export type Notices<K extends string> = Record<Lang, Record<K, readonly [string, string]>>;

/** A notice to one person in that person's language, ending with the link to act on it. */
export function noticeMail<K extends string>(
  notices: Notices<K>,
  lang: Lang,
  kind: K,
  p: { to: string; link: string; vars: Record<string, string | number>; attachments?: Mail["attachments"] },
): Mail {
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(p.vars[k] ?? ""));
  const [subject, body] = notices[lang][kind];
  return {
    to: p.to,
    subject: `${lang === "hi" ? "ओडीओपी हब" : "ODOP Hub"}: ${fill(subject)}`,
    body: `${fill(body)}\n${p.link}\n`,
    ...(p.attachments ? { attachments: p.attachments } : {}),
  };
}
