import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { zip } from "../../test/support/zip";
import { checkEvidenceUpload, checkListUpload, uploadLimits } from "./upload-check";

const refused = (reason: string) => expect.objectContaining({ name: "UploadRefused", reason });

describe("checking an uploaded list before reading it", () => {
  it("takes a real workbook and a UTF-8 CSV", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("ODOP").addRows([
      ["State", "District", "Product", "Category"],
      ["Karnataka", "Mysuru", "Mysore Silk", "Primary"],
    ]);
    expect(await checkListUpload("list.xlsx", Buffer.from(await book.xlsx.writeBuffer()))).toBe("xlsx");
    expect(await checkListUpload("list.csv", Buffer.from("State,District\nउत्तर प्रदेश,वाराणसी\n"))).toBe("csv");
  });

  it("refuses a file whose content is not what its name says", async () => {
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
    await expect(checkListUpload("list.xlsx", png)).rejects.toEqual(refused("notXlsx"));
    const workbookZip = zip([{ name: "xl/workbook.xml", data: Buffer.from("<workbook/>") }]);
    await expect(checkListUpload("list.csv", workbookZip)).rejects.toEqual(refused("xlsxNamedCsv"));
    await expect(checkListUpload("list.csv", png)).rejects.toEqual(refused("notCsvText"));
    await expect(checkListUpload("list.csv", Buffer.from([0x53, 0x74, 0xe9, 0x0a]))).rejects.toEqual(
      refused("notCsvText"),
    ); // Latin-1 "Sté"
    await expect(checkListUpload("list.pdf", Buffer.from("%PDF-1.7"))).rejects.toEqual(
      refused("wrongExtension"),
    );
    const noWorkbook = zip([{ name: "readme.txt", data: Buffer.from("hello") }]);
    await expect(checkListUpload("list.xlsx", noWorkbook)).rejects.toEqual(refused("notXlsx"));
  });

  it("refuses an oversized file before reading it", async () => {
    const big = Buffer.alloc(2048, 0x41);
    await expect(checkListUpload("list.csv", big, { ...uploadLimits, maxBytes: 1024 })).rejects.toEqual(
      refused("tooLarge"),
    );
  });

  it("refuses a ZIP bomb, counting while it inflates, even when its headers lie about the size", async () => {
    const zeros = Buffer.alloc(40 * 1024 * 1024); // deflates to ~40 KB
    const honest = zip([
      { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
      { name: "xl/worksheets/sheet1.xml", data: zeros },
    ]);
    expect(honest.length).toBeLessThan(100 * 1024);
    await expect(checkListUpload("bomb.xlsx", honest)).rejects.toEqual(refused("zipBomb"));
    const lying = zip([
      { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
      { name: "xl/worksheets/sheet1.xml", data: zeros, declare: 1000 },
    ]);
    await expect(checkListUpload("liar.xlsx", lying)).rejects.toEqual(refused("zipBomb"));
  });
});

describe("checking evidence uploaded for a bottleneck", () => {
  const pdf = Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n");
  const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");

  it("takes documents and photos by their content, with the type to serve them with", async () => {
    expect(await checkEvidenceUpload("letter.pdf", pdf)).toEqual({ contentType: "application/pdf" });
    expect(await checkEvidenceUpload("site.PNG", png)).toEqual({ contentType: "image/png" });
    const docx = zip([{ name: "word/document.xml", data: Buffer.from("<w:document/>") }]);
    expect((await checkEvidenceUpload("note.docx", docx)).contentType).toMatch(/wordprocessingml/);
  });

  it("refuses a file that lies about its type, one of a type not taken, and an oversized one", async () => {
    const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200)]);
    await expect(checkEvidenceUpload("report.pdf", exe)).rejects.toEqual(refused("contentMismatch"));
    await expect(checkEvidenceUpload("photo.jpg", png)).rejects.toEqual(refused("contentMismatch"));
    await expect(checkEvidenceUpload("tool.exe", exe)).rejects.toEqual(refused("notEvidenceType"));
    const sheetAsDoc = zip([{ name: "xl/workbook.xml", data: Buffer.from("<workbook/>") }]);
    await expect(checkEvidenceUpload("note.docx", sheetAsDoc)).rejects.toEqual(refused("contentMismatch"));
    await expect(checkEvidenceUpload("big.pdf", pdf, { ...uploadLimits, maxBytes: 16 })).rejects.toEqual(
      refused("tooLarge"),
    );
  });

  it("refuses an Office file that is a ZIP bomb", async () => {
    const bomb = zip([
      { name: "word/document.xml", data: Buffer.from("<w:document/>") },
      { name: "word/media/big.bin", data: Buffer.alloc(40 * 1024 * 1024), declare: 10 },
    ]);
    await expect(checkEvidenceUpload("bomb.docx", bomb)).rejects.toEqual(refused("zipBomb"));
  });
});
