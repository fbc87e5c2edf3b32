import type { RefusalReason } from "../platform/upload-check";
import type { Lang } from "./i18n";

/** Why an upload was refused, in the reader's language: one place for every form that takes a file. */
const words: Record<Lang, Record<RefusalReason, string>> = {
  en: {
    tooLarge: "it is larger than 10 MB",
    wrongExtension: "choose a file ending in .csv or .xlsx",
    notXlsx: "it is named .xlsx but is not an Excel workbook",
    xlsxNamedCsv: "it is named .csv but is an Excel workbook: name it .xlsx",
    notCsvText: 'it is named .csv but is not UTF-8 text (save it as "CSV UTF-8")',
    zipBomb: "it inflates far beyond the size of any list (a damaged or malicious workbook)",
    notEvidenceType: "choose a PDF, a photo (JPEG, PNG, WebP) or a Word or Excel file",
    contentMismatch: "its content is not what its name says (a renamed file?)",
    notPhoto: "choose a photo saved as JPEG, PNG or WebP (an iPhone's HEIC photo: share it as JPEG)",
    tooManyPixels: "it has more than 50 megapixels, or says it has (a damaged or malicious image)",
  },
  hi: {
    tooLarge: "यह 10 एमबी से बड़ी है",
    wrongExtension: ".csv या .xlsx पर समाप्त होने वाली फ़ाइल चुनें",
    notXlsx: "इसका नाम .xlsx है पर यह एक्सेल वर्कबुक नहीं है",
    xlsxNamedCsv: "इसका नाम .csv है पर यह एक्सेल वर्कबुक है: इसका नाम .xlsx रखें",
    notCsvText: 'इसका नाम .csv है पर यह यूटीएफ़-8 पाठ नहीं है (इसे "CSV UTF-8" के रूप में सहेजें)',
    zipBomb: "यह किसी भी सूची के आकार से बहुत अधिक फैलती है (क्षतिग्रस्त या दुर्भावनापूर्ण वर्कबुक)",
    notEvidenceType: "पीडीएफ़, फ़ोटो (JPEG, PNG, WebP) या वर्ड या एक्सेल फ़ाइल चुनें",
    contentMismatch: "इसकी सामग्री वह नहीं है जो इसका नाम कहता है (नाम बदली गई फ़ाइल?)",
    notPhoto: "JPEG, PNG या WebP में सहेजी गई फ़ोटो चुनें (आईफ़ोन की HEIC फ़ोटो: उसे JPEG के रूप में साझा करें)",
    tooManyPixels: "इसमें 50 मेगापिक्सेल से अधिक हैं, या यह ऐसा बताती है (क्षतिग्रस्त या दुर्भावनापूर्ण छवि)",
  },
};

export const uploadRefusalText = (lang: Lang, reason: RefusalReason) => words[lang][reason];
