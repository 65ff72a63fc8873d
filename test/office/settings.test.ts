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
