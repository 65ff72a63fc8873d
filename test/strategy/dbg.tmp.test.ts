import labelled from './labelled.json';
import { matchProjects, presetById } from '../../src/engine/strategy';
test('dbg', () => {
  const set = (labelled as any).sets[1];
  const list = presetById(set.preset)!.list;
  const v = matchProjects(set.items.map((i: any) => ({ id: i.id, name: i.name, objective: i.objective })), list);
  console.log(v.map((x, k) => `${set.items[k].label} ${x.status} ${x.suggested ?? ''} ${x.score} ${JSON.stringify(x.scores)} ${set.items[k].name} [${x.matched}]`).join('\n'));
});
