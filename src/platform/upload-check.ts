import yauzl from "yauzl";

/** Why an uploaded file is refused, as a code the page turns into words in the reader's language. */
export type RefusalReason =
  | "tooLarge"
  | "wrongExtension"
  | "notXlsx"
  | "xlsxNamedCsv"
  | "notCsvText"
  | "zipBomb"
  | "notEvidenceType"
  | "contentMismatch"
  | "notPhoto"
  | "tooManyPixels";

export class UploadRefused extends Error {
  constructor(
    readonly reason: RefusalReason,
    message: string,
  ) {
    super(message);
    this.name = "UploadRefused";
  }
}

export const uploadLimits = {
  /** The file as sent. */
  maxBytes: 10 * 1024 * 1024,
  /** Everything inside an XLSX once inflated: a national list of ~1,250 rows is well under 5 MB. */
  maxUnzippedBytes: 100 * 1024 * 1024,
  /** Inflated size over compressed size of any one part: XML compresses ~10:1, a bomb ~1000:1. */
  maxRatio: 200,
};

const isZip = (buf: Buffer) => buf.length > 4 && buf.readUInt32LE(0) === 0x04034b50;

/**
 * Checks an uploaded list before anything parses it: its size, that its content is what its name says (an `.xlsx`
 * is a ZIP workbook, a `.csv` is UTF-8 text without NUL bytes), and that a workbook does not inflate beyond the
 * limits. Sizes are counted while inflating, not read from the ZIP's headers, which a crafted file can falsify.
 * Resolves with the kind of file, or rejects with `UploadRefused`.
 */
export async function checkListUpload(
  name: string,
  buf: Buffer,
  limits = uploadLimits,
): Promise<"csv" | "xlsx"> {
  if (buf.length > limits.maxBytes)
    throw new UploadRefused("tooLarge", `${name}: larger than ${limits.maxBytes / 1024 / 1024} MB`);
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext !== "csv" && ext !== "xlsx")
    throw new UploadRefused("wrongExtension", `${name}: not a .csv or .xlsx file`);
  if (ext === "csv") {
    if (isZip(buf))
      throw new UploadRefused("xlsxNamedCsv", `${name}: named .csv but is a ZIP file (an XLSX workbook?)`);
    if (buf.includes(0) || !isUtf8(buf))
      throw new UploadRefused("notCsvText", `${name}: not a UTF-8 text file`);
    return "csv";
  }
  if (!isZip(buf)) throw new UploadRefused("notXlsx", `${name}: named .xlsx but is not an XLSX workbook`);
  const parts = await inflatedSizes(name, buf, limits);
  if (!parts.has("xl/workbook.xml"))
    throw new UploadRefused("notXlsx", `${name}: a ZIP file without a workbook`);
  return "xlsx";
}

const isUtf8 = (buf: Buffer) => {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
};

/** Inflates every part of the ZIP, counting, and stops at the first limit passed. Returns the parts' names. */
function inflatedSizes(name: string, buf: Buffer, limits: typeof uploadLimits): Promise<Set<string>> {
  const bomb = () => new UploadRefused("zipBomb", `${name}: inflates beyond the limits (a ZIP bomb?)`);
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(new UploadRefused("notXlsx", `${name}: not a readable ZIP file`));
      const names = new Set<string>();
      let total = 0;
      const fail = (e: Error) => {
        try {
          zip.close();
        } catch {
          // closed already
        }
        reject(e);
      };
      zip.on("error", () => fail(new UploadRefused("notXlsx", `${name}: not a readable ZIP file`)));
      zip.on("end", () => resolve(names));
      zip.on("entry", (entry: yauzl.Entry) => {
        names.add(entry.fileName);
        if (entry.fileName.endsWith("/")) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return fail(new UploadRefused("notXlsx", `${name}: not a readable ZIP file`));
          let size = 0;
          stream.on("data", (chunk: Buffer) => {
            size += chunk.length;
            total += chunk.length;
            const ratio = size / Math.max(entry.compressedSize, 1);
            if (total > limits.maxUnzippedBytes || (size > 1024 * 1024 && ratio > limits.maxRatio)) {
              stream.destroy();
              fail(bomb());
            }
          });
          stream.on("error", () => fail(bomb()));
          stream.on("end", () => zip.readEntry());
        });
      });
      zip.readEntry();
    });
  });
}

/** What evidence may be: documents and photos, each recognised by its first bytes (and an Office file by its parts). */
const evidenceKinds = {
  pdf: { type: "application/pdf", is: (b: Buffer) => b.subarray(0, 5).toString("latin1") === "%PDF-" },
  jpg: { type: "image/jpeg", is: (b: Buffer) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  jpeg: { type: "image/jpeg", is: (b: Buffer) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  png: {
    type: "image/png",
    is: (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  webp: {
    type: "image/webp",
    is: (b: Buffer) =>
      b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP",
  },
  docx: {
    type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    is: isZip,
    part: "word/document.xml",
  },
  xlsx: {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    is: isZip,
    part: "xl/workbook.xml",
  },
} as const;

export const evidenceExtensions = Object.keys(evidenceKinds);

/**
 * Checks a document or photo uploaded as evidence: its size, that its extension is one the platform takes, that its
 * content is what the extension says (a ".pdf" that is really an executable is refused), and that an Office file
 * does not inflate beyond the limits. Resolves with the content type to store and serve it with.
 */
export async function checkEvidenceUpload(
  name: string,
  buf: Buffer,
  limits = uploadLimits,
): Promise<{ contentType: string }> {
  if (buf.length > limits.maxBytes)
    throw new UploadRefused("tooLarge", `${name}: larger than ${limits.maxBytes / 1024 / 1024} MB`);
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? "";
  const kind = evidenceKinds[ext as keyof typeof evidenceKinds];
  if (!kind)
    throw new UploadRefused("notEvidenceType", `${name}: not one of ${evidenceExtensions.join(", ")}`);
  if (!kind.is(buf)) throw new UploadRefused("contentMismatch", `${name}: its content is not a .${ext} file`);
  if ("part" in kind) {
    const parts = await inflatedSizes(name, buf, limits);
    if (!parts.has(kind.part))
      throw new UploadRefused("contentMismatch", `${name}: its content is not a .${ext} file`);
  }
  return { contentType: kind.type };
}
