import { matchProjects, presetById, resolveDeclared, terms } from '../../src/engine/strategy';
test('smoke', () => {
  const list = presetById('chiangmai-2566-2570')!.list;
  console.log(terms('ก่อสร้างฝายชะลอน้ำ ขุดลอกลำเหมือง เพื่อการเกษตร'));
  console.log(resolveDeclared('ง. ยุทธศาสตร์จังหวัดที่ ๖ ยกระดับ', list), resolveDeclared('ประเด็นการพัฒนาที่ ๒', list), resolveDeclared('การขับเคลื่อนเกษตรเพิ่มมูลค่า', list));
  const v = matchProjects([
    { id: 'a', name: 'โครงการก่อสร้างฝายชะลอน้ำเพื่อการเกษตร', declared: '5' },
    { id: 'b', name: 'โครงการส่งเสริมการแปรรูปลำไยอบแห้ง', declared: 'ประเด็นที่ 5' },
    { id: 'c', name: 'โครงการจัดทำแนวกันไฟป้องกันไฟป่าและหมอกควัน' },
    { id: 'd', name: 'โครงการจัดซื้อเครื่องถ่ายเอกสาร' },
  ], list);
  console.log(JSON.stringify(v, null, 1));
});
