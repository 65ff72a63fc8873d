import { TextCache } from '../src/engine/text-cache';

test('a text is cached only when seen again, and the cache stays bounded', () => {
  const c = new TextCache<number>(3);
  c.offer('ถนน', 1);
  expect(c.get('ถนน')).toBeUndefined(); // first sighting: key remembered, value not kept
  c.offer('ถนน', 1);
  expect(c.get('ถนน')).toBe(1);
  for (const k of ['ก', 'ข', 'ค', 'ง']) {
    c.offer(k, 0);
    c.offer(k, 0);
  }
  expect(c.size).toBeLessThanOrEqual(3);
  c.clear();
  expect(c.get('ง')).toBeUndefined();
});

test('admitAt 3: a text asked twice in one pass is not kept', () => {
  const c = new TextCache<string>(10, 3);
  c.offer('ชื่อโครงการ', 'x');
  c.offer('ชื่อโครงการ', 'x');
  expect(c.get('ชื่อโครงการ')).toBeUndefined();
  c.offer('ชื่อโครงการ', 'x');
  expect(c.get('ชื่อโครงการ')).toBe('x');
});
