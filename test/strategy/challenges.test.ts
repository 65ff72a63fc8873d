/**
 * Challenges of a declared issue on the real sample, against the hand-labelled set
 * (test/strategy/challenges.labelled.json): precision of the challenges raised (right / (right + wrong),
 * debatable apart), recall of the clearly right ones, and whole-word reasons. Prints before and after.
 */
import { readWorkbookFile } from '../../src/node/files';
import { readPlanSheet } from '../../src/engine/forms/read';
import { matchPlanSheet, presetById, projectsOfPlan, type MatchVerdict, type ProjectInput } from '../../src/engine/strategy';
import labelled from './challenges.labelled.json';
import { REAL_SAMPLE } from '../samples';

type Label = 'right' | 'wrong' | 'debatable';
interface Challenge {
  id: string;
  name: string;
  suggested: string;
  label: Label;
  raisedBy: string[];
}
const set = labelled as { preset: string; challenges: Challenge[] };
const key = (id: string, suggested: string | undefined) => `${id} → ${suggested}`;
const labels = new Map(set.challenges.map((c) => [key(c.id, c.suggested), c]));
const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} % (${n}/${d})` : 'n/a');

let raised: Array<{ v: MatchVerdict; p: ProjectInput }> = [];
let verdicts = 0;
beforeAll(async () => {
  const wb = await readWorkbookFile(REAL_SAMPLE);
  const list = presetById(set.preset)!.list;
  raised = [];
  for (const sheet of wb.sheets) {
    const plan = readPlanSheet(sheet);
    const projects = projectsOfPlan(plan);
    matchPlanSheet(plan, list).forEach((v, i) => {
      verdicts++;
      if (v.status === 'weak') raised.push({ v, p: projects[i] });
    });
  }
});

function tally(cs: Array<Challenge | undefined>) {
  const n = { right: 0, wrong: 0, debatable: 0 };
  for (const c of cs) if (c) n[c.label]++;
  return n;
}

test('every challenge raised on the real sample is labelled (label new ones in challenges.labelled.json)', () => {
  expect(verdicts).toBeGreaterThan(300);
  const unlabelled = raised
    .filter(({ v }) => !labels.has(key(v.id, v.suggested)))
    .map(({ v, p }) => `${key(v.id, v.suggested)} | ${p.name} | ${p.objective ?? ''} | ${p.target ?? ''} | ${v.reason}`);
  expect(unlabelled).toEqual([]);
});

test('precision ≥ 80 % and no clearly right challenge lost; prints before and after', () => {
  const before = tally(set.challenges.filter((c) => c.raisedBy.includes('before')));
  const now = tally(raised.map(({ v }) => labels.get(key(v.id, v.suggested))));
  const right = set.challenges.filter((c) => c.label === 'right');
  const kept = right.filter((c) => raised.some(({ v }) => key(v.id, v.suggested) === key(c.id, c.suggested)));
  const wrongLeft = raised.filter(({ v }) => labels.get(key(v.id, v.suggested))?.label === 'wrong');
  console.log(
    [
      `strategy challenges on the real sample (${verdicts} verdicts, ${set.challenges.length} labelled challenges)`,
      `  before: ${before.right + before.wrong + before.debatable} raised, precision ${pct(before.right, before.right + before.wrong)}, debatable ${before.debatable}`,
      `  now:    ${raised.length} raised, precision ${pct(now.right, now.right + now.wrong)}, debatable ${now.debatable}`,
      `  recall of the clearly right challenges: ${pct(kept.length, right.length)}`,
      ...wrongLeft.map(({ v }) => `  still wrong: ${v.id}: ${v.reason}`),
    ].join('\n'),
  );
  expect(now.right / (now.right + now.wrong)).toBeGreaterThanOrEqual(0.8);
  expect(right.filter((c) => !kept.includes(c)).map((c) => key(c.id, c.suggested))).toEqual([]);
});

test('a challenge names at least two deciding words, each a whole word of the project', () => {
  for (const { v, p } of raised) {
    const text = [p.name, p.objective, p.target].join(' ').replace(/\s+/g, '');
    const deciding = /\(คำที่ตรง: ([^)]*)\) มากกว่า/.exec(v.reason)![1].split(', ');
    expect([v.id, deciding.length >= 2]).toEqual([v.id, true]);
    for (const w of deciding) expect([v.id, w, text.includes(w)]).toEqual([v.id, w, true]);
    expect(v.reasonEn).toContain(`(matched: ${deciding.join(', ')}) better than`);
  }
});
