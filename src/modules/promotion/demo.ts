import type { Db } from "../../platform/db";
import { actorOf, createDemoUser } from "../accounts";
import { demoDomain, producersOwnedBy, registerProducer, reviewProducer } from "../producers";
import { saveBuyer } from "../trade";
import { addItem, createCatalogue, stepCatalogue, updateItem } from "./commands/catalogues";
import { createEvent, recordOutcomes, stepEvent } from "./commands/events";
import { meetDays, runMatching, saveHours, saveWishes } from "./commands/meet";
import { register } from "./commands/registrations";
import { firstProductPerLetter, hasDemoCatalogue } from "./queries/catalogues";
import { hasDemoEvents, publicEvent } from "./queries/events";
import type { EventInput } from "./schemas";

const meta = { requestId: "seed-demo", ip: null };

/** A calendar day `n` days from today (UTC), as a form gives it. */
const dayFromNow = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Demo events, all marked demo: an exhibition held three weeks ago with its outcomes, an upcoming training in the
 * demo district, an Indian Mission's showcase in the UAE, and a virtual buyer-seller meet with buyers in Dubai, London
 * and New York and two producers of Varanasi, their hours and wishes, and the schedule the matching made. Running it
 * again changes nothing.
 */
export async function seedDemoPromotion(
  db: Db,
  people: {
    adminUserId: number;
    districtOfficerUserId: number;
    producerUserId: number;
    buyerUserId: number;
    password: string;
    place: { stateLgdCode: number; districtLgdCode: number };
  },
  mail: { origin: string },
): Promise<void> {
  if (await hasDemoEvents(db)) return;
  const admin = await actorOf(db, people.adminUserId, meta);
  const officer = await actorOf(db, people.districtOfficerUserId, meta);
  if (!admin || !officer) return;
  const district = `district:${people.place.districtLgdCode}`;
  const base = {
    titleHi: undefined,
    descriptionHi: undefined,
    online: false,
    city: "Varanasi",
    country: "IN",
    joinUrl: undefined,
    sectorCodes: ["textiles_handloom"],
    productIds: [],
    capacity: undefined,
    approvalRequired: false,
    meetingMinutes: undefined,
    bufferMinutes: undefined,
    rooms: undefined,
    dayFrom: undefined,
    dayTo: undefined,
  } satisfies Partial<EventInput>;

  const held = await createEvent(
    db,
    officer,
    {
      ...base,
      kind: "exhibition",
      organiser: district,
      titleEn: "Demo handloom exhibition (demo)",
      descriptionEn:
        "A generated demo exhibition, held three weeks ago, to show an event's outcomes. Not a real event.",
      timeZone: "Asia/Kolkata",
      startDate: dayFromNow(-21),
      startTime: "10:00",
      endDate: dayFromNow(-19),
      endTime: "18:00",
      venue: "Demo venue (demo)",
    },
    { isDemo: true },
  );
  await stepEvent(db, officer, held, "publish", { version: 1 }, mail);
  await recordOutcomes(db, officer, held, {
    leads: 42,
    lettersOfIntent: 3,
    loiValueInr: 1_250_000,
    outcomeNotes: "Demo outcomes: generated figures, not real ones.",
    version: 2,
  });

  const training = await createEvent(
    db,
    officer,
    {
      ...base,
      kind: "training",
      organiser: district,
      titleEn: "Demo export packaging training (demo)",
      titleHi: "डेमो निर्यात पैकेजिंग प्रशिक्षण (डेमो)",
      descriptionEn:
        "A generated demo training for trying registration, the waitlist and check-in. Not a real event.",
      descriptionHi: "पंजीकरण, प्रतीक्षा सूची और उपस्थिति आज़माने के लिए बनाया गया डेमो प्रशिक्षण। वास्तविक आयोजन नहीं।",
      timeZone: "Asia/Kolkata",
      startDate: dayFromNow(10),
      startTime: "10:00",
      endDate: dayFromNow(10),
      endTime: "16:00",
      venue: "Demo hall (demo)",
      capacity: 30,
    },
    { isDemo: true },
  );
  await stepEvent(db, officer, training, "publish", { version: 1 }, mail);

  const showcase = await createEvent(
    db,
    admin,
    {
      ...base,
      kind: "mission_showcase",
      organiser: "mission:AE",
      titleEn: "Demo ODOP showcase at an Indian Mission (demo)",
      descriptionEn: "A generated demo showcase abroad, on the Mission's clock. Not a real event.",
      timeZone: "Asia/Dubai",
      startDate: dayFromNow(30),
      startTime: "18:00",
      endDate: dayFromNow(30),
      endTime: "21:00",
      city: "Dubai",
      country: "AE",
      venue: "Demo venue (demo)",
    },
    { isDemo: true },
  );
  await stepEvent(db, admin, showcase, "publish", { version: 1 }, mail);

  await seedDemoMeet(db, { ...people, officer }, mail);
}

/** The meet: two producers of the demo district, buyers on three clocks, their hours and wishes, and the schedule. */
async function seedDemoMeet(
  db: Db,
  p: Parameters<typeof seedDemoPromotion>[1] & { officer: NonNullable<Awaited<ReturnType<typeof actorOf>>> },
  mail: { origin: string },
) {
  const meet = await createEvent(
    db,
    p.officer,
    {
      kind: "vbsm",
      organiser: `district:${p.place.districtLgdCode}`,
      titleEn: "Demo virtual buyer-seller meet: Varanasi handloom (demo)",
      titleHi: "डेमो वर्चुअल क्रेता-विक्रेता बैठक: वाराणसी हथकरघा (डेमो)",
      descriptionEn:
        "A generated demo meet: buyers in Dubai, London and New York meet producers of Varanasi, each on their own clock. Not a real event.",
      descriptionHi:
        "बनाई गई डेमो बैठक: दुबई, लंदन और न्यूयॉर्क के क्रेता वाराणसी के उत्पादकों से, हर कोई अपनी घड़ी पर, मिलते हैं। वास्तविक आयोजन नहीं।",
      timeZone: "Asia/Kolkata",
      startDate: dayFromNow(14),
      startTime: "11:00",
      endDate: dayFromNow(15),
      endTime: "23:00",
      online: true,
      joinUrl: "https://meet.jit.si",
      country: "IN",
      sectorCodes: ["textiles_handloom"],
      productIds: [],
      approvalRequired: false,
      meetingMinutes: 20,
      bufferMinutes: 10,
      rooms: 2,
      dayFrom: "11:00",
      dayTo: "23:00",
    },
    { isDemo: true },
  );
  await stepEvent(db, p.officer, meet, "publish", { version: 1 }, mail);

  const buyers = [
    { userId: p.buyerUserId, zone: "Asia/Dubai", from: "10:00", to: "16:00" },
    {
      ...(await demoBuyer(db, "buyer.london", "Demo buyer, London", "GB", p.password)),
      zone: "Europe/London",
      from: "09:00",
      to: "13:00",
    },
    {
      ...(await demoBuyer(db, "buyer.newyork", "Demo buyer, New York", "US", p.password)),
      zone: "America/New_York",
      from: "08:00",
      to: "12:00",
    },
  ];
  const producers = [
    { userId: p.producerUserId, zone: "Asia/Kolkata", from: "11:00", to: "22:00" },
    { ...(await demoProducer(db, p)), zone: "Asia/Kolkata", from: "11:00", to: "22:00" },
  ];
  const people = [...producers, ...buyers];
  const regs: number[] = [];
  for (const person of people) {
    const actor = await actorOf(db, person.userId, meta);
    regs.push(await register(db, actor, meet, { timeZone: person.zone }, mail));
  }
  const event = await publicEvent(db, meet);
  for (const [i, person] of people.entries()) {
    const actor = await actorOf(db, person.userId, meta);
    const id = regs[i] as number;
    await saveHours(db, actor, id, {
      timeZone: person.zone,
      version: 1,
      days: meetDays(event).map((day) => ({
        day,
        from: person.from,
        to: person.to,
      })),
    });
    // Buyers rank both producers; the first producer ranks the New York buyer first (a mutual wish).
    const others = i < producers.length ? regs.slice(producers.length) : regs.slice(0, producers.length);
    const ranked = i === 0 ? [...others].reverse() : others;
    await saveWishes(db, actor, id, { ranked, version: 2 });
  }
  await runMatching(db, { eventId: meet }, mail);
}

/** A demo buyer abroad: a verified demo account with a buyer profile (reused when it exists). */
async function demoBuyer(db: Db, who: string, name: string, country: string, password: string) {
  const { userId } = await createDemoUser(db, {
    email: `${who}@${demoDomain}`,
    name: `${name} (demo)`,
    password,
    role: "buyer",
    place: { stateLgdCode: null, districtLgdCode: null },
  });
  await saveBuyer(
    db,
    await actorOf(db, userId, meta),
    { organisation: `${name} (demo)`, country, interests: "Handloom silk" },
    null,
    { isDemo: true },
  ).catch(() => undefined);
  return { userId };
}

/** A second producer person of the demo district (a meet has one place per person), verified by the demo officer. */
async function demoProducer(
  db: Db,
  p: { districtOfficerUserId: number; password: string; place: { districtLgdCode: number } },
) {
  const { userId } = await createDemoUser(db, {
    email: `weaver@${demoDomain}`,
    name: "Demo weaver (demo)",
    password: p.password,
    role: "producer",
    place: { stateLgdCode: null, districtLgdCode: null },
  });
  if ((await producersOwnedBy(db, userId)).length === 0) {
    const id = await registerProducer(
      db,
      await actorOf(db, userId, meta),
      {
        name: "Demo handloom cooperative, Varanasi (demo)",
        kind: "cooperative",
        districtLgdCode: p.place.districtLgdCode,
        description: "A generated demo profile for the demo meet. Not a real enterprise.",
        phone: "+91 00000 00002",
        email: `weaver@${demoDomain}`,
      },
      { isDemo: true },
    );
    await reviewProducer(db, await actorOf(db, p.districtOfficerUserId, meta), id, 1, {
      decision: "verified",
    });
  }
  return { userId };
}

/**
 * A demo "A to Z of India": for each letter, the first product of the live list whose name starts with it (real
 * products; the choice is the demo's, not an official one), published, with its PDF asked for.
 */
export async function seedDemoCatalogue(db: Db, adminUserId: number): Promise<void> {
  const admin = await actorOf(db, adminUserId, meta);
  if (!admin || (await hasDemoCatalogue(db))) return;
  const id = await createCatalogue(
    db,
    admin,
    {
      slug: "a-to-z-of-india-demo",
      titleEn: "A to Z of India (demo)",
      titleHi: "भारत की ए से ज़ेड (डेमो)",
      introEn:
        "A demo campaign catalogue: one ODOP product for each letter of the alphabet, each linked to what producers offer in the bazaar. The products are real; the selection is generated.",
      introHi:
        "डेमो अभियान सूची: वर्णमाला के हर अक्षर के लिए एक ओडीओपी उत्पाद, हर एक बाज़ार में उत्पादकों के प्रस्तावों से जुड़ा। उत्पाद वास्तविक हैं; चयन बनाया गया है।",
    },
    { isDemo: true },
  );
  let version = 1;
  for (const { letter, productId } of await firstProductPerLetter(db)) {
    await addItem(db, admin, id, { productId, version });
    await updateItem(db, admin, id, productId, { label: letter, version: version + 1 });
    version += 2;
  }
  if (version > 1) await stepCatalogue(db, admin, id, "publish", { version });
}
