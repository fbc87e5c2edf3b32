import path from "node:path";
import { fileURLToPath } from "node:url";
import PDFDocument from "pdfkit";

/**
 * Printable documents (published minutes, and later plans) as PDF, drawn by pdfkit with Noto fonts embedded, so
 * Devanagari renders whatever the reader's machine has: fontkit shapes its conjuncts and matras. Noto Sans
 * Devanagari has no Latin letters and Noto Sans no Devanagari, so text is drawn in runs, each in the font of its
 * script.
 */
const fontDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "fonts");
const fonts = {
  latin: path.join(fontDir, "NotoSans-Regular.ttf"),
  latinBold: path.join(fontDir, "NotoSans-Bold.ttf"),
  deva: path.join(fontDir, "NotoSansDevanagari-Regular.ttf"),
  devaBold: path.join(fontDir, "NotoSansDevanagari-Bold.ttf"),
};

export type PdfBlock =
  | { kind: "title" | "heading" | "paragraph" | "small"; text: string }
  | { kind: "list"; items: string[] }
  /** A picture (JPEG or PNG) with its caption beside it: a catalogue's product. */
  | { kind: "item"; image: Buffer; title: string; lines: string[] };

/** Devanagari letters, signs and the joiners inside them, with the spaces and punctuation between such words. */
const devanagariRun =
  /([\u0900-\u097F\u1CD0-\u1CFF\uA8E0-\uA8FF\u200C\u200D]+(?:[\s,.;:!?'"()\u2013\u2014-]+[\u0900-\u097F\u1CD0-\u1CFF\uA8E0-\uA8FF\u200C\u200D]+)*)/;

/** Text split into runs of one script each: [text, isDevanagari]. */
export function scriptRuns(text: string): [string, boolean][] {
  return text
    .split(devanagariRun)
    .filter((part) => part !== "")
    .map((part) => [
      part,
      devanagariRun.test(part) && /^[\u0900-\u097F\u1CD0-\u1CFF\uA8E0-\uA8FF]/.test(part),
    ]);
}

const sizes = { title: 18, heading: 13, paragraph: 10.5, small: 8.5 } as const;

/** Renders the blocks on A4 pages with a footer line, and resolves with the file's bytes. */
export function renderPdf(doc: {
  title: string;
  lang: "en" | "hi";
  blocks: PdfBlock[];
  footer: string;
}): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 64, left: 56, right: 56 },
    lang: doc.lang === "hi" ? "hi-IN" : "en-IN",
    displayTitle: true,
    info: { Title: doc.title, Creator: "ODOP Hub" },
    bufferPages: true,
  });
  pdf.registerFont("latin", fonts.latin);
  pdf.registerFont("latinBold", fonts.latinBold);
  pdf.registerFont("deva", fonts.deva);
  pdf.registerFont("devaBold", fonts.devaBold);
  const chunks: Buffer[] = [];
  pdf.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });

  const write = (text: string, size: number, bold: boolean, options: PDFKit.Mixins.TextOptions = {}) => {
    const runs = scriptRuns(text);
    runs.forEach(([run, deva], i) => {
      pdf
        .font(deva ? (bold ? "devaBold" : "deva") : bold ? "latinBold" : "latin")
        .fontSize(size)
        .text(run, { ...options, baseline: "alphabetic", continued: i < runs.length - 1 });
    });
  };

  const picture = { width: 132, height: 99, gap: 14 };
  for (const block of doc.blocks) {
    if (block.kind === "item") {
      // Kept whole on one page: a picture never parted from its caption.
      if (pdf.y + picture.height > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
      const top = pdf.y;
      const left = pdf.page.margins.left;
      pdf.image(block.image, left, top, {
        fit: [picture.width, picture.height],
        align: "center",
        valign: "center",
      });
      const width = pdf.page.width - left - pdf.page.margins.right - picture.width - picture.gap;
      pdf.x = left + picture.width + picture.gap;
      pdf.y = top;
      write(block.title, sizes.heading, true, { width, paragraphGap: 3 });
      for (const line of block.lines) {
        pdf.x = left + picture.width + picture.gap;
        write(line, sizes.paragraph, false, { width, paragraphGap: 2 });
      }
      pdf.x = left;
      pdf.y = Math.max(pdf.y, top + picture.height) + 12;
      continue;
    }
    if (block.kind === "list") {
      block.items.forEach((item, i) => {
        write(`${i + 1}. ${item}`, sizes.paragraph, false, { indent: 12, paragraphGap: 3 });
      });
      pdf.moveDown(0.5);
      continue;
    }
    if (block.kind === "heading") pdf.moveDown(0.6);
    write(block.text, sizes[block.kind], block.kind === "title" || block.kind === "heading", {
      paragraphGap: block.kind === "title" ? 8 : 4,
    });
  }

  // The footer on every page: what this is and the page number, inside the bottom margin.
  const range = pdf.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    pdf.switchToPage(range.start + i);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf.x = pdf.page.margins.left;
    pdf.y = pdf.page.height - 40;
    write(`${doc.footer} · ${i + 1}/${range.count}`, sizes.small, false, {
      width: pdf.page.width - 112,
      lineBreak: false,
    });
    pdf.page.margins.bottom = bottom;
  }
  pdf.end();
  return done;
}
