/**
 * The pane's intake: every chosen file goes to the reader (which names a Word file or an .xls by its
 * content), except Excel's "~$" lock files and a dropped folder, which are left out with why.
 */
import { intake } from '../../src/taskpane/consolidate/intake';

/** A folder dropped on the pane: a File without type or extension whose bytes cannot be read. */
function droppedFolder(name: string): File {
  const f = new File([], name);
  Object.defineProperty(f, 'slice', {
    value: () => ({
      arrayBuffer: () => Promise.reject(new DOMException('A requested file or directory could not be found', 'NotFoundError')),
    }),
  });
  return f;
}

test('lock files and dropped folders are left out with why; .xls, .docx and files without extension still go to the reader', async () => {
  const files = [
    new File([new Uint8Array([0x50, 0x4b, 3, 4])], 'อบต.นาดี.xlsx'),
    new File(['lock'], '~$อบต.นาดี.xlsx'),
    new File([new Uint8Array(8)], 'อบต.บ้านใหม่.xls'),
    new File([new Uint8Array(8)], 'อบต.ท่าทอง.docx'),
    new File(['ลำดับ,ชื่อ\n'], 'รายชื่อ'),
    droppedFolder('รับมา'),
  ];
  const { read, skipped } = await intake(files);
  expect(read.map((f) => f.name)).toEqual(['อบต.นาดี.xlsx', 'อบต.บ้านใหม่.xls', 'อบต.ท่าทอง.docx', 'รายชื่อ']);
  expect(skipped.map((s) => [s.file, s.reason])).toEqual([
    ['~$อบต.นาดี.xlsx', 'temp'],
    ['รับมา', 'folder'],
  ]);
  expect(skipped[1].message).toMatch(/^ข้าม "รับมา": เป็นโฟลเดอร์: ไม่ได้อ่านไฟล์ข้างใน/);
  expect(skipped[1].messageEn).toMatch(/^Skipped "รับมา": it is a folder/);
});
