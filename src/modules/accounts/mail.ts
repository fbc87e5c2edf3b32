import type { Mail } from "../../platform/outbox";
import type { Lang } from "../../web/i18n";
import { accountText } from "./messages";
import type { InvitationTarget } from "./policy";

const roleName = (lang: Lang, role: InvitationTarget["role"]) => accountText(lang)(`role_${role}`);

/** The messages accounts send, in the recipient's language. Links are single-use; the text says for how long. */
export const accountMail = {
  verify: (lang: Lang, p: { to: string; link: string }): Mail =>
    lang === "hi"
      ? {
          to: p.to,
          subject: "ओडीओपी हब: अपना ईमेल पता सत्यापित करें",
          body: `नमस्ते,\n\nअपना ईमेल पता सत्यापित करने के लिए यह लिंक खोलें (48 घंटे तक, एक बार):\n${p.link}\n\nयदि आपने ओडीओपी हब पर खाता नहीं बनाया, तो इस संदेश को अनदेखा करें।\n`,
        }
      : {
          to: p.to,
          subject: "ODOP Hub: verify your email address",
          body: `Hello,\n\nOpen this link to verify your email address (valid once, for 48 hours):\n${p.link}\n\nIf you did not create an ODOP Hub account, ignore this message.\n`,
        },
  accountExists: (lang: Lang, p: { to: string; signIn: string; reset: string }): Mail =>
    lang === "hi"
      ? {
          to: p.to,
          subject: "ओडीओपी हब: इस पते से पहले से एक खाता है",
          body: `नमस्ते,\n\nकिसी ने इस ईमेल पते से ओडीओपी हब पर नया खाता बनाने का प्रयास किया, पर इस पते से आपका खाता पहले से है। कोई नया खाता नहीं बना।\n\nसाइन इन करें: ${p.signIn}\nपासवर्ड भूल गए? ${p.reset}\n\nयदि यह आप नहीं थे, तो इस संदेश को अनदेखा करें: आपके खाते में कुछ नहीं बदला।\n`,
        }
      : {
          to: p.to,
          subject: "ODOP Hub: this address already has an account",
          body: `Hello,\n\nSomeone tried to create an ODOP Hub account with this email address, which already has one. No new account was made.\n\nSign in: ${p.signIn}\nForgot your password? ${p.reset}\n\nIf this was not you, ignore this message: nothing about your account has changed.\n`,
        },
  reset: (lang: Lang, p: { to: string; link: string }): Mail =>
    lang === "hi"
      ? {
          to: p.to,
          subject: "ओडीओपी हब: पासवर्ड बदलें",
          body: `नमस्ते,\n\nनया पासवर्ड चुनने के लिए यह लिंक खोलें (एक बार, सीमित समय तक):\n${p.link}\n\nपासवर्ड बदलते ही आपके खाते के सभी सत्र बंद हो जाएँगे। यदि आपने यह नहीं माँगा, तो इस संदेश को अनदेखा करें।\n`,
        }
      : {
          to: p.to,
          subject: "ODOP Hub: choose a new password",
          body: `Hello,\n\nOpen this link to choose a new password (valid once, for a limited time):\n${p.link}\n\nAll sessions of your account end when the password changes. If you did not ask for this, ignore this message.\n`,
        },
  /** In both languages: the inviter does not know which the invitee reads. */
  invitation: (p: { to: string; link: string; role: InvitationTarget["role"]; by: string }): Mail => ({
    to: p.to,
    subject: `ODOP Hub: invitation as ${roleName("en", p.role)} · आमंत्रण: ${roleName("hi", p.role)}`,
    body:
      `${p.by} invites you to ODOP Hub as ${roleName("en", p.role)}. Accept within 7 days:\n${p.link}\n\n` +
      `${p.by} आपको ओडीओपी हब पर ${roleName("hi", p.role)} के रूप में आमंत्रित करते हैं। 7 दिनों के भीतर स्वीकार करें:\n${p.link}\n`,
  }),
};
