import { readPlanSheet } from '../../src/engine/forms/read';
import { allWorkbooks } from './fixtures';
test('dbg', () => {
  for (const wb of allWorkbooks()) for (const s of wb.sheets) {
    const p = readPlanSheet(s);
    console.log(wb.name, s.name, p.kind, p.formCode, p.organisation, JSON.stringify(p.projects.map(x => [x.row, x.name, x.village, x.tambon, x.location, x.classification, x.link, x.agency, x.unit, x.priority, x.context.provincial?.text, x.context.section?.needsSupport, x.budgets.map(b => `${b.year}:${b.amount}`).join(' ')])));
  }
});
