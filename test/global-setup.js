/**
 * Builds what the selected tests run, when it is older than its sources, so no test run needs a build
 * beforehand (`npm test` builds first, so this is a no-op there): dist/node for the tests that run the
 * `oneplan` command, dist/web for the browser tests. Without Chromium the browser tests are skipped with
 * one message (test/browser/harness.ts), and in CI (CI=true) the run fails with it instead.
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
// Transformed by jest like the tests; the bench uses the same module.
const { chromiumMissing } = require('./browser/chromium.ts');

const root = path.join(__dirname, '..');

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

function testFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? testFiles(p) : /\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Builds `script` when `built` is missing or older than any of `inputs` (folders or files under the root). */
function buildWhenStale(built, inputs, script, why) {
  const sources = Math.max(
    ...inputs.map((i) => path.join(root, i)).map((p) => (fs.statSync(p).isDirectory() ? newest(p) : fs.statSync(p).mtimeMs)),
  );
  const out = path.join(root, built);
  if (fs.existsSync(out) && fs.statSync(out).mtimeMs >= sources) return;
  console.log(`\n${built} is missing or older than its sources: building it for ${why} (npm run ${script})`);
  execFileSync('npm', ['run', '-s', script], { cwd: root, stdio: 'inherit' });
}

module.exports = async function globalSetup(globalConfig, projectConfig) {
  // The files this run selects, by the same patterns jest applies (path regexps, case-insensitive).
  const patterns = [globalConfig.testPathPattern, ...(globalConfig.nonFlagArgs || [])].filter(Boolean);
  const ignored = (projectConfig && projectConfig.testPathIgnorePatterns) || [];
  const selected = testFiles(path.join(root, 'test')).filter(
    (f) => (!patterns.length || patterns.some((p) => new RegExp(p, 'i').test(f))) && !ignored.some((p) => new RegExp(p).test(f)),
  );
  const runs = (dir) => selected.some((f) => f.startsWith(path.join(root, dir)));

  if (runs('test/consolidate/cli.test.ts')) {
    buildWhenStale('dist/node/cli/oneplan.js', ['src', 'tsconfig.cli.json', 'package.json'], 'build:cli', 'the oneplan command tests');
  }
  if (!runs('test/browser')) return;
  const missing = chromiumMissing();
  if (missing && process.env.CI) throw new Error(missing);
  if (missing) {
    console.log(`\n${missing}\nข้ามการทดสอบในเบราว์เซอร์ (ใน CI จะล้มเหลว)\nThe browser tests are skipped (in CI they fail).`);
    return;
  }
  buildWhenStale(
    'dist/web/index.html',
    ['src', 'assets', 'webpack.config.js', 'manifest.xml', 'package.json'],
    'build:web',
    'the browser tests',
  );
};
