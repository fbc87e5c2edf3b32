import { parseArgs } from "node:util";
import { createAdmin, emailSchema as email } from "../modules/accounts";
import { openForCli, runCli } from "./context";

/**
 * npm run create-admin -- --email officer@example.gov.in [--name "Full name"]
 * Makes (or promotes) a national administrator and prints a single-use link to choose the password; the same link is
 * mailed through the outbox. Links point at PUBLIC_ORIGIN (default http://localhost:PORT).
 */
runCli(async () => {
  const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
  const address = email.safeParse(values.email ?? "");
  if (!address.success) {
    console.error("--email: give the administrator's email address, e.g. --email officer@example.gov.in");
    return 1;
  }
  const { database, config, close } = await openForCli("create-admin");
  try {
    const name = values.name?.trim() || address.data.split("@")[0] || "Administrator";
    const result = await createAdmin(
      database.db,
      { email: address.data, name },
      { origin: config.publicOrigin },
    );
    console.log(`${result.created ? "created" : "promoted"} national administrator ${address.data}`);
    console.log(`choose a password (valid 72 hours, once): ${result.link}`);
    return 0;
  } finally {
    await close();
  }
});
