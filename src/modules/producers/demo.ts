import type { Db } from "../../platform/db";
import { actorOf, createDemoUser, type Place } from "../accounts";
import { listDistricts, listStates } from "../geo";
import { districtProducts, registerProducer, reviewProducer } from "./commands";
import { demoDomain } from "./kinds";
import { producersOwnedBy } from "./queries";

export { demoDomain } from "./kinds";

/**
 * One demo account per role, in a real State and district (Uttar Pradesh, Varanasi), with a demo producer verified by
 * the demo district officer (the buyer's profile is trade's). Everything is marked demo. Running it again changes nothing.
 */
export async function seedDemo(db: Db, password: string) {
  const up = (await listStates(db)).find((s) => s.nameEn === "Uttar Pradesh");
  const varanasi = (await listDistricts(db, { stateLgdCode: up?.lgdCode ?? -1 })).find(
    (d) => d.nameEn === "Varanasi",
  );
  if (!up || !varanasi)
    throw new Error("Uttar Pradesh / Varanasi not in the registry: import the seed data first");
  const district: Place = { stateLgdCode: up.lgdCode, districtLgdCode: varanasi.lgdCode };
  const meta = { requestId: "seed-demo", ip: null };
  const account = (
    who: string,
    name: string,
    role: Parameters<typeof createDemoUser>[1]["role"],
    place: Place = district,
  ) => createDemoUser(db, { email: `${who}@${demoDomain}`, name: `${name} (demo)`, password, role, place });

  const accounts = {
    admin: await account("admin", "National administrator", "national_admin", {
      stateLgdCode: null,
      districtLgdCode: null,
    }),
    state: await account("state.officer", "State officer, Uttar Pradesh", "state_officer", {
      stateLgdCode: up.lgdCode,
      districtLgdCode: null,
    }),
    district: await account("district.officer", "District officer, Varanasi", "district_officer"),
    producer: await account("producer", "Producer", "producer"),
    buyer: await account("buyer", "Buyer", "buyer"),
  };

  const producerActor = await actorOf(db, accounts.producer.userId, meta);
  if ((await producersOwnedBy(db, accounts.producer.userId)).length === 0) {
    const [product] = await districtProducts(db, varanasi.lgdCode);
    const id = await registerProducer(
      db,
      producerActor,
      {
        name: "Demo weavers' group, Varanasi (demo)",
        kind: "shg",
        districtLgdCode: varanasi.lgdCode,
        odopProductId: product?.id,
        otherProducts: product ? undefined : "Handloom",
        description: "A generated demo profile for trying the platform. Not a real enterprise.",
        phone: "+91 00000 00000",
        email: `producer@${demoDomain}`,
      },
      { isDemo: true },
    );
    await reviewProducer(db, await actorOf(db, accounts.district.userId, meta), id, 1, {
      decision: "verified",
    });
  }
  return Object.entries(accounts).map(([role, a]) => ({
    role,
    email: `${roleEmail[role as keyof typeof accounts]}@${demoDomain}`,
    created: a.created,
    userId: a.userId,
    place: district,
  }));
}

const roleEmail = {
  admin: "admin",
  state: "state.officer",
  district: "district.officer",
  producer: "producer",
  buyer: "buyer",
};
