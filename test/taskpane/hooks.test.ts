/**
 * The pane's hooks keep their decisions in small functions: which sheet the preview opens on, what a
 * consolidated file's status says, how an edited calendar text keeps its template variables, which
 * remembered column mappings survive, and that a failed pick leaves no old plan to re-check.
 */
import type { SheetModel, WorkbookModel } from '../../src/engine/model';
import { finding, type WorkbookReport } from '../../src/engine/findings';
import type { InputReport } from '../../src/engine/consolidate';
import { firstPlanSheet, parseMappings } from '../../src/taskpane/validate/useValidation';
import { fileDetail } from '../../src/taskpane/consolidate/useConsolidation';
import { retemplate, variablesOf } from '../../src/taskpane/calendar/useCalendar';
import { baseName, findingMessage, STRINGS } from '../../src/taskpane/i18n';
import { BrowserHost } from '../../src/taskpane/host/browserHost';

// The worker-backed reader is replaced by one that accepts only .xlsx names (jest has no Worker).
jest.mock('../../src/taskpane/host/readFile', () => ({
  readReceivedFile: async (_bytes: Uint8Array, name: string) => {
    if (!name.endsWith('.xlsx')) throw new Error(`${name} is not a workbook`);
    return { name, sheets: [] };
  },
}));
jest.mock('../../src/taskpane/consolidate/workerConsolidation', () => ({
  consolidateInWorker: jest.fn(),
  WorkerUnavailable: class extends Error {},
}));

const sheet = (name: string, rows: SheetModel['rows'], hidden = false): SheetModel => ({ name, rows, merges: [], textBoxes: [], hidden });
const text = (v: string) => ({ v, t: 's' as const, w: v });

describe('firstPlanSheet', () => {
  const wb: WorkbookModel = {
    name: 'แผน.xlsx',
    sheets: [
      sheet('กราฟ', []),
      sheet('ซ่อน', [[text('x')]], true),
      sheet('หมายเหตุ', [[text('อ่านก่อน')]]),
      sheet('ผ.02', [[text('แผนพัฒนาท้องถิ่น')]]),
    ],
  };
  test('before a check: the first visible sheet with cells, not a chart sheet', () => {
    expect(firstPlanSheet(wb)).toBe('หมายเหตุ');
  });
  test('after a check: the first plan sheet the report recognised', () => {
    const report = {
      file: wb.name,
      sheets: [
        { name: 'หมายเหตุ', kind: 'other', projects: 0, findings: [], totals: {} },
        { name: 'ผ.02', kind: 'local-plan', projects: 3, findings: [], totals: {} },
      ],
    } as unknown as WorkbookReport;
    expect(firstPlanSheet(wb, report)).toBe('ผ.02');
  });
});

describe('fileDetail: every file says why', () => {
  const base: InputReport = { file: 'อบต.ก.xlsx', checksum: '', status: 'ok', sheets: [], projects: 40, taken: 0 };
  test('taken 0 of 40: the sheets’ reason follows the counts, in the pane’s language', () => {
    const r = {
      ...base,
      sheets: [
        {
          name: 'ผ.02',
          kind: 'local-plan-beyond' as const,
          projects: 40,
          taken: 0,
          note: 'ไม่มีโครงการที่ขอรับการสนับสนุน/เกินศักยภาพ',
          noteEn: 'No projects asking for outside support / beyond capacity',
        },
      ],
    };
    expect(fileDetail(r, STRINGS.th, 'th')).toBe('40 โครงการ · นำเข้า 0 — ไม่มีโครงการที่ขอรับการสนับสนุน/เกินศักยภาพ');
    expect(fileDetail(r, STRINGS.en, 'en')).toBe('40 projects · 0 taken — No projects asking for outside support / beyond capacity');
  });
  test('all taken, skipped, failed', () => {
    expect(fileDetail({ ...base, taken: 40 }, STRINGS.th, 'th')).toBe('40 โครงการ · นำเข้า 40 (นำเข้าทุกโครงการ)');
    expect(fileDetail({ ...base, status: 'skipped', projects: 0, note: 'ไม่พบชีตแผน', noteEn: 'No plan sheet' }, STRINGS.en, 'en')).toBe(
      'No plan sheet',
    );
    const failed = { ...base, status: 'failed' as const, error: { code: 'corrupt' as const, message: 'ไฟล์เสียหาย', messageEn: 'damaged' } };
    expect(fileDetail(failed, STRINGS.th, 'th')).toBe('ไฟล์เสียหาย');
    expect(fileDetail(failed, STRINGS.en, 'en')).toBe('damaged');
  });
});

describe('calendar texts: variables shown as values, kept on edit', () => {
  const ctx = { fy: 2569, year: 2567, planStart: 2566, planEnd: 2570, updated: '1 ต.ค. 68' };
  const original = 'นำร่างแผนพัฒนาจังหวัด พ.ศ. {planStart} – {planEnd} (ทบทวนปี {fy})';
  test('the chips name each variable with its value', () => {
    expect(variablesOf(original, ctx).map((v) => `${v.key}=${v.value}`)).toEqual(['planStart=2566', 'planEnd=2570', 'fy=2569']);
  });
  test('an edit around the values keeps the variables; a value the officer removed is gone', () => {
    expect(retemplate('เสนอร่างแผนพัฒนาจังหวัด พ.ศ. 2566 – 2570 (ทบทวนปี 2569)', original, ctx)).toBe(
      'เสนอร่างแผนพัฒนาจังหวัด พ.ศ. {planStart} – {planEnd} (ทบทวนปี {fy})',
    );
    expect(retemplate('นำร่างแผนพัฒนาจังหวัด (ทบทวนปี 2569)', original, ctx)).toBe('นำร่างแผนพัฒนาจังหวัด (ทบทวนปี {fy})');
    expect(retemplate('ไม่มีปี', 'ไม่มีปี', ctx)).toBe('ไม่มีปี');
  });
});

test('remembered column mappings: only column letters survive', () => {
  expect(parseMappings(JSON.stringify({ 'ผ.02': { unit: 'L', name: 'x1', agency: 'AB' }, bad: 3 }))).toEqual({
    'ผ.02': { unit: 'L', agency: 'AB' },
  });
  expect(parseMappings('not json')).toEqual({});
  expect(parseMappings(undefined)).toEqual({});
});

test('strings: one table with the same keys in both languages; names of saved files follow the language', () => {
  expect(Object.keys(STRINGS.en).sort()).toEqual(Object.keys(STRINGS.th).sort());
  expect(STRINGS.th.reportFileName(baseName('C:\\แผน\\ผ02.xlsx'))).toBe('รายงานตรวจสอบ-ผ02.xlsx');
  expect(STRINGS.en.reportFileName(baseName('plan.csv'))).toBe('validation-report-plan.xlsx');
  expect(STRINGS.en.calFileBase(2569)).toBe('planning-calendar-2569');
  expect(STRINGS.th.validateAction).toBe('ตรวจแผ่นงานนี้');
  // Finding messages come from the findings registry, in the pane's language.
  const f = finding(
    'total-mismatch',
    { label: 'รวม', year: 2569, stated: 7504920, computed: 1504920, difference: 6000000 },
    { sheet: 'ผ.02', row: 45, column: 'H' },
  );
  expect(findingMessage(f, 'th')).toContain('7,504,920');
  expect(findingMessage(f, 'th')).toMatch(/ผลรวมของโครงการ/);
  expect(findingMessage(f, 'en')).toMatch(/add up to 1,504,920 baht/);
});

test('BrowserHost: a failed pick clears the previous plan and tells every tab, so nothing old is re-checked', async () => {
  const host = new BrowserHost();
  const seen: Array<string | null> = [];
  host.planFile.watch(() => seen.push(host.planFile.current?.name ?? null));
  const file = (name: string) => ({ name, arrayBuffer: async () => new TextEncoder().encode(name).buffer }) as unknown as File;
  await host.planFile.load(file('ดี.xlsx'));
  expect((await host.readWorkbook()).name).toBe('ดี.xlsx');
  await expect(host.planFile.load(file('จดหมาย.docx'))).rejects.toThrow('จดหมาย.docx');
  expect(seen).toEqual(['ดี.xlsx', null]);
  await expect(host.readWorkbook()).rejects.toThrow('ยังไม่ได้เลือกไฟล์');
});
