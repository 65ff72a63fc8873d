import { findMatches } from '../../src/engine/consolidate/dedupe';
import { coreName, wordTokens } from '../../src/engine/thai-text';
test('t', () => {
  const works = ['ก่อสร้างถนน คสล.', 'ขุดลอกคลอง', 'ก่อสร้างรางระบายน้ำ', 'ติดตั้งไฟฟ้าส่องสว่าง', 'ขยายเขตประปา', 'ปรับปรุงศาลาประชาคม'];
  const places = ['บ้านนา', 'บ้านดอน', 'หนองบัว', 'ห้วยทราย', 'โคกสูง', 'ท่าช้าง', 'นาดี', 'วังน้ำ'];
  let t0 = Date.now();
  const cands: any[] = [];
  for (let i = 0; i < 20000; i++) {
    const name = `${works[i % works.length]} สาย${places[i % 8]}-${places[(i >> 3) % 8]} ซอย ${i % 97} หมู่ที่ ${(i % 15) + 1}`;
    const core = coreName(name);
    cands.push({ seq: i, role: 'need', village: (i % 15) + 1, tambon: `t${i % 40}`, compact: core.replace(/ /g, ''), tokens: new Set(wordTokens(core)) });
  }
  console.log('build', Date.now() - t0); t0 = Date.now();
  const m = findMatches(cands);
  console.log('match', Date.now() - t0, m.length);
});
