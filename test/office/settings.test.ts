import { readSetting, writeSetting } from '../../src/office/excel';
import { createExcelHost } from '../../src/taskpane/host/excelHost';
import { FakeExcel } from './fakeExcel';

test('choices remembered per workbook live in the workbook settings, one sync each, nothing else written', async () => {
  const fake = new FakeExcel({ apiVersion: '1.4' });
  const uninstall = fake.installOffice();
  try {
    fake.addSheet('ผ.02');
    expect(await readSetting('columnMapping', fake.run)).toBeUndefined();
    const before = fake.syncs;
    await writeSetting('columnMapping', JSON.stringify({ 'ผ.02': { unit: 'L' } }), fake.run);
    expect(fake.syncs - before).toBe(1);
    const host = createExcelHost(fake.run);
    expect(JSON.parse((await host.getSetting('columnMapping'))!)).toEqual({ 'ผ.02': { unit: 'L' } });
    await host.setSetting('strategy', '{"kind":"preset","id":"chiangmai-2566-2570"}');
    expect(fake.settings.get('OnePlan.strategy')).toBe('{"kind":"preset","id":"chiangmai-2566-2570"}');
    fake.assertWritesOnlyTo([], []);
  } finally {
    uninstall();
  }
});

test('on ExcelApi 1.4 (no NamedItem.formula) a re-run still replaces only the sheet the add-in tagged', async () => {
  const { writeSheet } = await import('../../src/office/excel');
  const fake = new FakeExcel({ apiVersion: '1.4' });
  const uninstall = fake.installOffice();
  try {
    fake.addSheet('รายงานตรวจสอบ'); // the officer's own sheet with our name
    const sheet = {
      name: 'รายงานตรวจสอบ',
      rows: [
        ['ลำดับ', 'รายละเอียด'],
        [1, 'ยอดรวมไม่ตรง'],
      ],
    };
    const first = await writeSheet(sheet, {}, fake.run);
    expect(first.name).toBe('รายงานตรวจสอบ (2)');
    const second = await writeSheet(
      {
        ...sheet,
        rows: [
          ['ลำดับ', 'รายละเอียด'],
          [1, 'แก้แล้ว'],
        ],
      },
      {},
      fake.run,
    );
    expect(second.name).toBe('รายงานตรวจสอบ (2)');
    expect(fake.sheetNames().sort()).toEqual(['รายงานตรวจสอบ', 'รายงานตรวจสอบ (2)'].sort());
    fake.assertWritesOnlyTo(['รายงานตรวจสอบ (2)'], []);
  } finally {
    uninstall();
  }
});

test('a fix never overwrites a formula', async () => {
  const { applyFix } = await import('../../src/office/excel');
  const fake = new FakeExcel({ apiVersion: '1.4' });
  const uninstall = fake.installOffice();
  try {
    fake.addSheet('ผ.02');
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('ผ.02').getRange('E15');
      r.formulas = [['=TEXT(D15,"#,##0")']];
      await ctx.sync();
    });
    await expect(applyFix('ผ.02', 'E15', 500000, fake.run)).rejects.toThrow('สูตร');
  } finally {
    uninstall();
  }
});
