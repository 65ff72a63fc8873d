/**
 * Planning calendar templates (ปฏิทินการดำเนินงาน) as data: the built-in ones, whole (every default
 * of the schema, schema.ts, written out: they are used without parsing, so without zod).
 *
 * Months are relative: a step's months fall in the "calendar year" = fiscal year + yearOffset
 * (default −2: the DOPA 2558 calendar serves the provincial action plan of FY 2560, the Rayong
 * 2562 calendar that of FY 2564), plus the step's own yearShift.
 *
 * Texts may use placeholders, replaced when the calendar is built:
 *   {fy} the fiscal year, {fy-1}, {fy+1} …; {year} the calendar year (fy + offset), {year+1} …;
 *   {planStart}–{planEnd} the 5-year provincial plan containing {fy} (2561–2565, 2566–2570 …);
 *   {updated} the "updated on" date ("10 พ.ค. 62").
 */
import type { CalendarTemplate } from './schema';

export type { CalendarStep, CalendarStepInput, CalendarTemplate, CalendarTemplateInput, Deadline } from './schema';

const NOTES = ['ปรับปรุงปฏิทินการดำเนินงาน ณ วันที่ {updated}', 'กำหนดการและระยะเวลาเปลี่ยนแปลงได้ตามความเหมาะสม'];

/** DOPA letter มท ๐๒๑๒.๑/ว ๐๓๕๒ (15 Jan 2558), forwarded by กรมการปกครอง (23 Feb 2558). */
export const DOPA_2558: CalendarTemplate = {
  id: 'dopa',
  name: 'ปฏิทินกระทรวงมหาดไทย (๒๕๕๘)',
  nameEn: 'Ministry of Interior calendar (2015)',
  source: 'หนังสือกระทรวงมหาดไทย ที่ มท ๐๒๑๒.๑/ว ๐๓๕๒ ลงวันที่ ๑๕ มกราคม ๒๕๕๘',
  titleLines: [
    'ปฏิทินการจัดทำแผนพัฒนาพื้นที่ในระดับต่างๆ ปีงบประมาณ พ.ศ. {fy-1}',
    'เพื่อการจัดทำแผนพัฒนาจังหวัดและแผนปฏิบัติราชการประจำปีของจังหวัด ประจำปีงบประมาณ พ.ศ. {fy}',
  ],
  yearOffset: -2,
  planCycleStart: 2561,
  planCycleYears: 5,
  steps: [
    {
      id: 'village',
      title: 'ทบทวนแผนชุมชน/หมู่บ้าน',
      detail: '- คณะกรรมการหมู่บ้าน (กม.) เป็นกลไกหลัก สำนักงานพัฒนาชุมชนอำเภอสนับสนุนข้อมูลและวิทยากรกระบวนการ อปท. สนับสนุนเวทีประชาคม',
      unit: 'กม./สำนักงานพัฒนาชุมชนอำเภอ/อปท.',
      startMonth: 1,
      endMonth: 2,
      yearShift: 0,
      note: 'ส่งแผนชุมชน/หมู่บ้านไปยังอำเภอภายในเดือนกุมภาพันธ์',
      dependsOn: [],
    },
    {
      id: 'local',
      title: 'องค์กรปกครองส่วนท้องถิ่นจัดทำแผนพัฒนาท้องถิ่น',
      detail: '- นำปัญหาและความต้องการของประชาชนจากเวทีประชาคมมาจัดทำแผนพัฒนาท้องถิ่น',
      unit: 'อปท.',
      startMonth: 3,
      endMonth: 5,
      yearShift: 0,
      note: 'จัดทำและทบทวนให้แล้วเสร็จภายในเดือนมิถุนายน',
      dependsOn: ['village'],
    },
    {
      id: 'district',
      title: 'อำเภอจัดทำแผนพัฒนาอำเภอ',
      detail: '- อ.ก.อ./กบอ. นำกรอบยุทธศาสตร์จังหวัด (Top-down) มาประมวลกับความต้องการของประชาชน (Bottom-up)',
      unit: 'อำเภอ (อ.ก.อ./กบอ.)',
      startMonth: 5,
      endMonth: 5,
      yearShift: 0,
      note: 'ส่งกรอบแผนพัฒนาอำเภอให้ อปท. ในพื้นที่ภายในเดือนพฤษภาคม',
      dependsOn: ['village'],
    },
    {
      id: 'needs',
      title: 'อำเภอส่งแผนความต้องการของอำเภอไปยังจังหวัด',
      detail: '- คณะกรรมการประสานแผนพัฒนาท้องถิ่นระดับอำเภอส่งแผนความต้องการที่เกินขีดความสามารถของ อปท. ไปยังคณะกรรมการประสานแผนพัฒนาท้องถิ่นระดับจังหวัด',
      unit: 'อำเภอ/คณะกรรมการประสานแผนพัฒนาท้องถิ่นระดับอำเภอ',
      startMonth: 7,
      endMonth: 7,
      yearShift: 0,
      note: '',
      dependsOn: ['village', 'local', 'district'],
    },
    {
      id: 'province',
      title: 'จังหวัดจัดทำแผนพัฒนาจังหวัดและแผนปฏิบัติราชการประจำปีของจังหวัด',
      detail: '- นำแผนความต้องการของอำเภอมาประมวลในภาพรวมของจังหวัด',
      unit: 'จังหวัด (ก.บ.จ.)',
      startMonth: 7,
      endMonth: 9,
      yearShift: 0,
      note: 'ให้แล้วเสร็จภายในเดือนกันยายน',
      dependsOn: ['needs'],
    },
    {
      id: 'agencies',
      title: 'จังหวัดส่งรายละเอียดโครงการที่เกินขีดความสามารถของจังหวัดให้ส่วนราชการที่เกี่ยวข้อง',
      unit: 'จังหวัด',
      startMonth: 10,
      endMonth: 10,
      yearShift: 0,
      note: 'เพื่อบรรจุในคำของบประมาณ ปี พ.ศ. {fy}',
      dependsOn: ['province'],
    },
    // dopa-2558: the district's annual action plan of the fiscal year that starts in October, due in November.
    {
      id: 'action-plan',
      title: 'อำเภอจัดทำแผนปฏิบัติการประจำปีของอำเภอ ประจำปีงบประมาณ พ.ศ. {year+1}',
      detail:
        '- ที่ทำการปกครองจังหวัดแจ้งแผนงาน/โครงการของส่วนราชการที่ได้รับจัดสรรงบประมาณในพื้นที่อำเภอ อำเภอรวบรวมกับแผนงาน/โครงการของอำเภอและ อปท. ในพื้นที่',
      unit: 'อำเภอ/ที่ทำการปกครองจังหวัด',
      startMonth: 11,
      endMonth: 11,
      yearShift: 0,
      note: 'ให้แล้วเสร็จภายในเดือนพฤศจิกายน',
      dependsOn: [],
    },
  ],
  notes: NOTES,
};

const RY_PLAN = 'แผนพัฒนาจังหวัดระยอง พ.ศ. {planStart} – {planEnd} (ทบทวนปี {fy})';
const RY_PLAN_B = 'แผนพัฒนาจังหวัด พ.ศ. {planStart} – {planEnd} (ฉบับทบทวนปี {fy})';
const RY_ACTION = 'แผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. {fy}';
const RY_OFFICE = 'สำนักงานจังหวัดระยอง';
const RY_ALL = '- กลุ่มเป้าหมายทุกภาคส่วนในจังหวัดระยอง';

/** Rayong provincial calendar (updated 10 May 2562) for the FY 2564 action plan, letter รย ๐๐๑๗.๒/ว ๒๖๔๗. */
export const RAYONG_2562: CalendarTemplate = {
  id: 'rayong',
  name: 'ปฏิทินจังหวัดระยอง (๒๕๖๒)',
  nameEn: 'Rayong province calendar (2019)',
  source: 'หนังสือจังหวัดระยอง ที่ รย ๐๐๑๗.๒/ว ๒๖๔๗ ลงวันที่ ๒๘ พฤษภาคม ๒๕๖๒',
  titleLines: ['ปฏิทินการดำเนินงานจังหวัดระยอง', `การจัดทำ${RY_PLAN}`, 'และแผนปฏิบัติการประจำปีงบประมาณ พ.ศ. {fy}'],
  yearOffset: -2,
  planCycleStart: 2561,
  planCycleYears: 5,
  steps: [
    {
      id: 'r1',
      title: 'แผนชุมชน/แผนพัฒนาหมู่บ้าน/แผนพัฒนาท้องถิ่น',
      detail:
        '- คณะกรรมการหมู่บ้าน/คณะกรรมการชุมชน บูรณาการทบทวนและจัดทำแผนพัฒนาหมู่บ้าน/แผนพัฒนาชุมชน และส่งแผนไปยังศูนย์ประสานงานองค์การชุมชนระดับตำบลและหน่วยงานที่เกี่ยวข้อง\n- องค์กรปกครองส่วนท้องถิ่นจัดทำและทบทวนแผนพัฒนาท้องถิ่น',
      unit: 'สำนักงานพัฒนาชุมชนอำเภอ/อปท./อำเภอ',
      startMonth: 1,
      endMonth: 2,
      yearShift: 0,
      note: '',
      dependsOn: [],
    },
    {
      id: 'r2',
      title: 'แผนชุมชนระดับตำบล',
      detail:
        '- สำนักงานพัฒนาชุมชนอำเภอประสานและสนับสนุน ศอช.ต. ประมวลความต้องการจากแผนชุมชน/แผนพัฒนาหมู่บ้าน/แผนพัฒนาท้องถิ่น ข้อมูล จปฐ./กชช.๒ค และอื่นๆ เพื่อจัดทำแผนชุมชนระดับตำบล รวมทั้งส่งให้ ก.บ.อ. และองค์กรปกครองส่วนท้องถิ่นในพื้นที่\n- องค์กรปกครองส่วนท้องถิ่นสามารถเพิ่มเติมและเปลี่ยนแปลงแผนพัฒนาท้องถิ่น',
      unit: 'สำนักงานพัฒนาชุมชนอำเภอ/อปท./อำเภอ',
      startMonth: 3,
      endMonth: 4,
      yearShift: 0,
      note: '',
      dependsOn: ['r1'],
    },
    {
      id: 'r3',
      title: 'แผนพัฒนาอำเภอ',
      detail:
        '- (เม.ย. – พ.ค.) กบอ. จัดทำบัญชีแผนงานหรือโครงการระดับอำเภอ ส่งให้คณะกรรมการประสานแผนพัฒนาท้องถิ่นระดับอำเภอ\n- (เม.ย. – พ.ค.) กบอ. จัดทำแผนพัฒนาอำเภอ ๕ ปี (พ.ศ. {planStart} – {planEnd}) ฉบับทบทวนในปี พ.ศ. {year} โดยนำกรอบทิศทางและยุทธศาสตร์พัฒนาจังหวัดและความต้องการของประชาชนมาจัดทำแผนฯ\n- (พ.ค. – มิ.ย.) กบอ. จัดทำแผนความต้องการระดับอำเภอให้สอดคล้องกับทิศทางการพัฒนาจังหวัด และจัดส่งแผนฯ/โครงการให้ ก.บ.จ. พร้อมรายละเอียดครบถ้วน',
      unit: 'กบอ./อปท.',
      startMonth: 4,
      endMonth: 6,
      yearShift: 0,
      note: '',
      dependsOn: ['r2'],
    },
    {
      id: 'r4',
      title: 'อบรมเชิงปฏิบัติการเพื่อการพัฒนาศักยภาพการเชื่อมโยงระดับพื้นที่และการจัดทำแผนยุทธศาสตร์เพื่อสนับสนุนการพัฒนาในระดับพื้นที่จังหวัดระยอง',
      detail: RY_ALL,
      unit: RY_OFFICE,
      startMonth: 6,
      endMonth: 6,
      yearShift: 0,
      note: '',
      dependsOn: [],
    },
    {
      id: 'r5',
      title: `ประชุมทบทวน${RY_PLAN} และแผนปฏิบัติการประจำปีงบประมาณ พ.ศ. {fy}`,
      detail: RY_ALL,
      unit: RY_OFFICE,
      startMonth: 7,
      endMonth: 7,
      yearShift: 0,
      note: '',
      dependsOn: ['r3'],
    },
    {
      id: 'r6',
      title: `ประชุมพิจารณากลั่นกรองผลจากการประชุมเชิงปฏิบัติการเพื่อทบทวน${RY_PLAN} และแผนปฏิบัติการประจำปีงบประมาณ พ.ศ. {fy}`,
      unit: RY_OFFICE,
      startMonth: 7,
      endMonth: 7,
      yearShift: 0,
      note: '',
      dependsOn: ['r5'],
    },
    {
      id: 'r7',
      title: `ก.บ.จ. โดยสำนักงานจังหวัดระยอง รวบรวมข้อมูลทั้งหมด เพื่อจัดทำร่าง${RY_PLAN} และแผนปฏิบัติการประจำปีงบประมาณ พ.ศ. {fy}`,
      unit: RY_OFFICE,
      startMonth: 7,
      endMonth: 8,
      yearShift: 0,
      note: '',
      dependsOn: ['r6'],
    },
    {
      id: 'r8',
      title: `ประชุมรับฟังความคิดเห็นร่าง${RY_PLAN} ${RY_ACTION}`,
      detail: RY_ALL,
      unit: RY_OFFICE,
      startMonth: 8,
      endMonth: 8,
      yearShift: 0,
      note: '',
      dependsOn: ['r7'],
    },
    {
      id: 'r9',
      title: `รวบรวมข้อมูลและปรับปรุงร่าง${RY_PLAN_B} และร่าง${RY_ACTION} ตามข้อแนะนำของที่ประชุมประชาคมฯ`,
      unit: RY_OFFICE,
      startMonth: 8,
      endMonth: 8,
      yearShift: 0,
      note: '',
      dependsOn: ['r8'],
    },
    {
      id: 'r10',
      title: `นำร่าง${RY_PLAN_B} และ${RY_ACTION} เข้าที่ประชุม ก.บ.จ. เพื่อพิจารณาให้ความเห็นชอบ`,
      unit: 'ก.บ.จ.',
      startMonth: 8,
      endMonth: 8,
      yearShift: 0,
      note: '',
      dependsOn: ['r9'],
    },
    {
      id: 'r11',
      title: `ปรับปรุงร่าง${RY_PLAN_B} และร่าง${RY_ACTION} ตามข้อแนะนำของ ก.บ.จ. และสอดคล้องกับแผนแม่บทภายใต้ยุทธศาสตร์ชาติ`,
      unit: RY_OFFICE,
      startMonth: 9,
      endMonth: 9,
      yearShift: 0,
      note: '',
      dependsOn: ['r10'],
    },
    {
      id: 'r12',
      title: `จัดส่ง${RY_PLAN_B} และ${RY_ACTION} ฉบับสมบูรณ์ ให้ทีมบูรณาการกลาง พร้อมจัดทำเล่มแผนฯ เผยแพร่ให้กับหน่วยงานในจังหวัดระยอง`,
      unit: RY_OFFICE,
      startMonth: 9,
      endMonth: 9,
      yearShift: 0,
      note: '',
      dependsOn: ['r11'],
    },
  ],
  notes: NOTES,
};

/** The built-in templates, as parsed (their defaults written out: test/calendar/templates.test.ts). */
export const BUILTIN_TEMPLATES: Readonly<Record<string, Readonly<CalendarTemplate>>> = { dopa: DOPA_2558, rayong: RAYONG_2562 };

export type BuiltinTemplateId = 'dopa' | 'rayong';

/** A fresh (deep-copied) built-in template. */
export function builtinTemplate(id: BuiltinTemplateId): CalendarTemplate {
  return structuredClone(BUILTIN_TEMPLATES[id]);
}

/** JSON text of a template (pretty, stable key order as declared). */
export function serializeTemplate(t: CalendarTemplate): string {
  return JSON.stringify(t, null, 2) + '\n';
}
