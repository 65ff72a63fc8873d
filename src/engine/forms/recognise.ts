/**
 * Which form a sheet is: by its title lines, its text boxes ("แบบ ผ.02") and its header words —
 * never by the sheet name, which officers abbreviate and misspell.
 */
import type { SheetModel } from '../model';
import type { ContextLine, FormKind, PlanBlock } from '../plan';
import { flatText } from '../thai';
import { detectStrategiesSheet } from '../strategy/read';
import { ownOutputKind } from './own-output';

const FORM_CODE = /ผ\s*\.?\s*0?(\d{1,2})(?:\s*[/.]\s*(\d))?/;

/** "แบบ ผ.02", "แบบ ผ.01 /1", "ผ.02/2" → "ผ.02", "ผ.01/1", "ผ.02/2". */
export function normaliseFormCode(text: string): string | undefined {
  const m = FORM_CODE.exec(flatText(text));
  if (!m) return undefined;
  const main = m[1].padStart(2, '0');
  return m[2] ? `ผ.${main}/${m[2]}` : `ผ.${main}`;
}

/** The form code from a text box (where real workbooks put it) or a short cell in the title area. */
export function formCodeOf(sheet: SheetModel, titles: ContextLine[]): string | undefined {
  const candidates = [
    ...sheet.textBoxes.filter((t) => t.row < 15).map((t) => t.text),
    ...titles.filter((t) => t.text.length < 20).map((t) => t.text),
  ];
  for (const text of candidates) {
    if (!/ผ\s*\.?\s*0/.test(flatText(text))) continue;
    const code = normaliseFormCode(text);
    if (code) return code;
  }
  return undefined;
}

export function recogniseKind(sheet: SheetModel, titles: ContextLine[], blocks: PlanBlock[]): FormKind {
  const titleText = titles
    .slice(0, 14)
    .map((t) => t.text)
    .join(' \n ');
  const code = formCodeOf(sheet, titles);
  const hasProjects = blocks.length > 0;
  const fields = new Set(blocks.flatMap((b) => Object.keys(b.columns.fields)));
  const own = ownOutputKind(sheet, titles, hasProjects);
  if (own) return own;

  if (/ปฏิทิน(การ)?ดำเนินงาน|ปฏิทินการจัดทำแผน/.test(titleText)) return 'calendar';
  if (/แผนความต้องการ/.test(titleText)) return 'district-needs';
  // The district's (5-year) development plan: a reference the needs must be in, never a source of needs.
  if (/แผนพัฒนาอำเภอ/.test(titleText.replace(/\s+/g, '')) && hasProjects) return 'district-plan';
  if (/บัญชีสรุปโครงการ/.test(titleText) || code?.startsWith('ผ.01')) return 'local-plan-summary';
  if (hasProjects) {
    if (/เกินศักยภาพ|เกินขีดความสามารถ/.test(titleText) || code === 'ผ.02/2') return 'local-plan-beyond';
    if (/รายละเอียดโครงการพัฒนา/.test(titleText) || code?.startsWith('ผ.02')) {
      // The agency-to-ask column makes a coordination block (some workbooks label it ผ.02/1).
      return fields.has('agency') && !fields.has('unit') ? 'local-plan-beyond' : 'local-plan';
    }
    if (/แผนพัฒนาตำบล|แผนชุมชนระดับตำบล|แผนตำบล/.test(titleText)) return 'tambon-plan';
    if (/แผนพัฒนาหมู่บ้าน|แผนหมู่บ้าน|แผนชุมชน/.test(titleText)) return 'village-plan';
    if (/อำเภอ/.test(titleText) && fields.has('agency')) return 'district-needs';
    if (fields.has('class')) return 'tambon-plan';
    if (fields.has('village') && !fields.has('tambon')) return 'village-plan';
    return 'local-plan';
  }
  if (detectStrategiesSheet(sheet)) return 'strategies';
  return 'other';
}
