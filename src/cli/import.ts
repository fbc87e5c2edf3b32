import path from "node:path";
import { parseArgs } from "node:util";
import { actorOf, userIdByEmail } from "../modules/accounts";
import { importOdopList } from "../modules/catalog";
import { buildAllOpenData } from "../open-data-sources";
import { formatReport, saveReport } from "../platform/import-report";
import { readListFile } from "../platform/spreadsheet";
import { openForCli, runCli } from "./context";

const usage = `Usage: npm run import -- <file.csv|file.xlsx> --as admin@example.gov.in --title "…" --published YYYY-MM-DD [options]

Imports a national ODOP list (columns State, District, Product, Category, Sector, Description, GI Status)
as a new list revision, all rows or none, and publishes it: the same steps as the administrator's page
(/admin/revisions), audited as the named administrator. The same file twice changes nothing.

Options:
  --as EMAIL          the national administrator doing it, for the audit log (required)
  --title TEXT        title of the revision, in English (required)
  --title-hi TEXT     title in Hindi (defaults to the English title)
  --source TEXT       who published it (default: "DPIIT ODOP list")
  --published DATE    publication date, YYYY-MM-DD (required)
  --effective DATE    date it takes effect (default: the publication date)
  --id ID             revision id (default: made from the title and date)
  --notes TEXT        notes shown with the revision
  --draft             read it into the draft revision without publishing it (publish it from /admin/revisions)`;

/** Field names of the revision, as the operator typed them on the command line. */
const flagOf: Record<string, string> = {
  titleEn: "--title",
  titleHi: "--title-hi",
  source: "--source",
  publishedAt: "--published",
  effectiveAt: "--effective",
  id: "--id",
  notes: "--notes",
};

runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      title: { type: "string" },
      "title-hi": { type: "string" },
      source: { type: "string", default: "DPIIT ODOP list" },
      published: { type: "string" },
      effective: { type: "string" },
      id: { type: "string" },
      notes: { type: "string" },
      draft: { type: "boolean", default: false },
      as: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help || positionals.length !== 1) {
    console.error(usage);
    return values.help ? 0 : 1;
  }
  if (!values.as) {
    console.error("--as: name the national administrator doing the import (their account's email address)");
    return 1;
  }
  const file = await readListFile(positionals[0] as string);
  const { config, database, close } = await openForCli("import");
  try {
    const userId = await userIdByEmail(database.db, values.as);
    const actor = userId ? await actorOf(database.db, userId, { requestId: "cli:import", ip: null }) : null;
    if (!actor?.grants.some((g) => g.role === "national_admin")) {
      console.error(`--as: ${values.as} is not the address of a national administrator's account`);
      return 1;
    }
    const report = await importOdopList(database.db, actor, file, {
      titleEn: values.title ?? "",
      titleHi: values["title-hi"],
      source: values.source ?? "",
      publishedAt: values.published ?? "",
      effectiveAt: values.effective,
      id: values.id,
      notes: values.notes ?? "",
      live: !values.draft,
    });
    for (const r of report.rejected)
      if (r.line === 0 && r.field) r.reason = r.reason.replace(r.field, flagOf[r.field] ?? r.field);
    const out = formatReport(report);
    if (report.outcome === "rejected") console.error(`${out}\nNothing was changed.`);
    else console.log(out);
    console.log(`report saved to ${saveReport(config.dataDir, report)}`);
    if (report.outcome === "rejected") return 2;
    // The downloads follow the data: written now, outside any request (a running server's job would do it too).
    const manifest = await buildAllOpenData(database.db, path.join(config.dataDir, "open-data"));
    console.log(`open-data files of version ${manifest.version} written`);
    return 0;
  } finally {
    await close();
  }
});
