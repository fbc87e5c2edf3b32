import fs from "node:fs";
import path from "node:path";

/** What an import did, row by row: printed to the operator and saved, whether it succeeded or not. */
export type RejectedRow = { file: string; line: number; field?: string; reason: string; value?: string };

export type JoinReport = {
  name: string;
  total: number;
  matched: number;
  byMethod: Record<string, number>;
  unmatched: string[];
};

export type ImportReport = {
  kind: string;
  files: { name: string; sha256: string; rows: number }[];
  rowsRead: number;
  rowsPlaced: number;
  rejected: RejectedRow[];
  joins: JoinReport[];
  notes: string[];
  outcome: "imported" | "unchanged" | "rejected";
};

export function newReport(kind: string): ImportReport {
  return {
    kind,
    files: [],
    rowsRead: 0,
    rowsPlaced: 0,
    rejected: [],
    joins: [],
    notes: [],
    outcome: "imported",
  };
}

export function newJoin(name: string): JoinReport {
  return { name, total: 0, matched: 0, byMethod: {}, unmatched: [] };
}

export function recordJoin(join: JoinReport, method: string | null, label: string): void {
  join.total++;
  if (method === null) {
    join.unmatched.push(label);
    return;
  }
  join.matched++;
  join.byMethod[method] = (join.byMethod[method] ?? 0) + 1;
}

/** A plain-text rendering for the terminal: every rejected row and every unmatched name is listed. */
export function formatReport(r: ImportReport): string {
  const lines = [
    `Import (${r.kind}): ${r.outcome}`,
    ...r.files.map((f) => `  file ${f.name}: ${f.rows} rows, sha256 ${f.sha256.slice(0, 12)}`),
    `  rows read ${r.rowsRead}, placed ${r.rowsPlaced}, rejected ${r.rejected.length}`,
  ];
  for (const n of r.notes) lines.push(`  note: ${n}`);
  for (const j of r.joins) {
    const methods = Object.entries(j.byMethod)
      .map(([m, n]) => `${m} ${n}`)
      .join(", ");
    lines.push(`  join ${j.name}: ${j.matched} of ${j.total} matched (${methods || "none"})`);
    if (j.unmatched.length) lines.push(`    not matched (${j.unmatched.length}): ${j.unmatched.join("; ")}`);
  }
  const byLine = [...r.rejected].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  for (const x of byLine) lines.push(`  rejected ${x.file} line ${x.line}: ${x.reason}`);
  return lines.join("\n");
}

/** Thrown inside an import's transaction so that a single bad row rolls everything back. */
export class ImportRejectedError extends Error {
  constructor(readonly report: ImportReport) {
    super(`${report.kind} import rejected: ${report.rejected.length} row(s) could not be placed`);
    report.outcome = "rejected";
  }
}

export function throwIfRejected(report: ImportReport): void {
  if (report.rejected.length > 0) throw new ImportRejectedError(report);
}

/** Keeps a copy of every report, failed ones included, under DATA_DIR/import-reports. */
export function saveReport(dataDir: string, report: ImportReport): string {
  const dir = path.join(dataDir, "import-reports");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${report.kind}.json`);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
