/** The producers module's audited actions, in words (shown in the audit log beside the accounts module's). */
export const producerAuditTexts = {
  "producer.register": { en: "Registered a producer", hi: "उत्पादक पंजीकृत किया" },
  "producer.update": {
    en: "Edited a producer's profile (back to review)",
    hi: "उत्पादक प्रोफ़ाइल बदली (फिर समीक्षा में)",
  },
  "producer.verify": { en: "Verified a producer", hi: "उत्पादक सत्यापित किया" },
  "producer.reject": { en: "Rejected a producer, with a reason", hi: "उत्पादक अस्वीकार किया, कारण सहित" },
  "producer.return": {
    en: "Returned a producer for more information",
    hi: "उत्पादक को और जानकारी के लिए लौटाया",
  },
  "producer.contact_reveal": { en: "Saw a producer's phone and email", hi: "उत्पादक का फ़ोन और ईमेल देखा" },
};
