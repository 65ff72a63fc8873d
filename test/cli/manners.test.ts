/** CLI manners: unknown commands and options say so, -h and --version work, a mistyped list name lists the presets. */
import { main } from '../../src/cli/oneplan';
import { STRATEGY_PRESETS } from '../../src/engine/strategy';
import { SPLIT_KEYS } from '../../src/engine/consolidate/split';
import { cliIo } from '../reliability/helpers';
import pkg from '../../package.json';

test('an unknown command says so, with the usage, exit 2; no command too', async () => {
  const c = cliIo();
  expect(await main(['valdate', 'a.xlsx'], c.io)).toBe(2);
  expect(c.err.join('')).toMatch(/^oneplan: ไม่รู้จักคำสั่ง "valdate" \/ unknown command "valdate"\n/);
  expect(c.err.join('')).toContain('oneplan validate FILE');
  const n = cliIo();
  expect(await main([], n.io)).toBe(2);
  expect(n.err.join('')).toMatch(/ต้องระบุคำสั่ง \/ give a command/);
});

test('-h and --help print the usage with the presets, exit 0; also after a command', async () => {
  for (const args of [['-h'], ['--help'], ['validate', '-h'], ['match', '-h'], ['validate', '--help']]) {
    const c = cliIo();
    expect([args.join(' '), await main(args, c.io)]).toEqual([args.join(' '), 0]);
    expect(c.out.join('')).toMatch(/usage/);
    expect(c.err.join('')).toBe('');
  }
  const c = cliIo();
  await main(['-h'], c.io);
  for (const p of STRATEGY_PRESETS) expect(c.out.join('')).toContain(p.id);
  // The usage names every way split can cut a table (split --by proposer gives each tambon and อปท. its list back).
  expect(c.out.join('')).toContain(`--by ${SPLIT_KEYS.join('|')}`);
});

test('--version prints the package version', async () => {
  for (const a of ['--version', '-V']) {
    const c = cliIo();
    expect(await main([a], c.io)).toBe(0);
    expect(c.out.join('')).toBe(`oneplan ${pkg.version}\n`);
  }
});

test('an unknown option, long or short, is a usage error, not a file', async () => {
  const c = cliIo();
  expect(await main(['validate', '-x', 'a.xlsx'], c.io)).toBe(2);
  expect(c.err.join('')).toMatch(/unknown option "?-x/);
});

test('--strategies NAME that is neither a file nor a preset lists the presets', async () => {
  const c = cliIo();
  expect(await main(['match', 'a.xlsx', '--strategies', 'chiangmai'], c.io)).toBe(2);
  const err = c.err.join('');
  expect(err).toMatch(/"chiangmai" ไม่ใช่ไฟล์และไม่ใช่ชื่อรายการประเด็นการพัฒนา/);
  for (const p of STRATEGY_PRESETS) expect(err).toContain(`  ${p.id}  ${p.label}`);
  const e = cliIo();
  expect(await main(['validate', 'a.xlsx', '--strategies', 'nakhonsawan', '--lang', 'en'], e.io)).toBe(2);
  expect(e.err.join('')).toContain(`  nakhonsawan-2566-2570-inferred  ${STRATEGY_PRESETS[2].labelEn}`);
});
