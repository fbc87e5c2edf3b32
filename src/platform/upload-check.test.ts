import zlib from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { checkListUpload, uploadLimits } from "./upload-check";

/** A ZIP file of these parts, deflated; `declare` overrides the uncompressed size written in the headers. */
function zip(parts: { name: string; data: Buffer; declare?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const body = zlib.deflateRawSync(p.data);
    const name = Buffer.from(p.name);
    const crc = zlib.crc32(p.data);
    const size = p.declare ?? p.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

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
