import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { simpleParser } from "mailparser";
import { loadConfig } from "../platform/config";
import { repoRoot, runCli } from "./context";

/**
 * npm run outbox [-- --last 5]
 * Without SMTP_URL, mail is written as .eml files in DATA_DIR/outbox. This prints the newest ones decoded (a mail
 * client opens them too), so that someone running the platform locally can follow a reset or invitation link.
 * It reads files only: it runs beside a running server.
 */
runCli(async () => {
  const { values } = parseArgs({ options: { last: { type: "string", default: "5" } } });
  const last = Number(values.last);
  if (!Number.isInteger(last) || last < 1) {
    console.error("--last: a whole number of messages, e.g. --last 5");
    return 1;
  }
  const dir = path.join(loadConfig(process.env, repoRoot).dataDir, "outbox");
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".eml"))
        .sort()
    : [];
  if (files.length === 0) {
    console.log(`No mail in ${dir} yet.`);
    return 0;
  }
  for (const file of files.slice(-last)) {
    const m = await simpleParser(fs.readFileSync(path.join(dir, file)));
    const to = Array.isArray(m.to) ? m.to.map((a) => a.text).join(", ") : (m.to?.text ?? "");
    console.log(
      `── ${file}\nTo: ${to}\nSubject: ${m.subject ?? ""}\nDate: ${m.date?.toISOString() ?? ""}\n\n${m.text ?? ""}`,
    );
  }
  return 0;
});
