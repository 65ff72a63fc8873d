/**
 * The browser tests drive the built pane (dist/web). Build it here when any source is newer than the build,
 * so a test run never tests a stale bundle (`npm test` builds first, so this is a no-op there).
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const built = path.join(root, 'dist/web/index.html');

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

module.exports = async function globalSetup(globalConfig) {
  const patterns = [globalConfig.testPathPattern, ...(globalConfig.nonFlagArgs || [])].filter(Boolean).join(' ');
  const browserTestsMayRun = !patterns || /browser|test\/?$|\.\//.test(patterns);
  if (!browserTestsMayRun) return;
  const inputs = [path.join(root, 'src'), path.join(root, 'assets')].map(newest);
  const sources = Math.max(
    ...inputs,
    ...['webpack.config.js', 'manifest.xml', 'package.json'].map((f) => fs.statSync(path.join(root, f)).mtimeMs),
  );
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= sources) return;
  console.log('\ndist/web is older than its sources: building it for the browser tests (npm run build:web)');
  execFileSync('npm', ['run', '-s', 'build:web'], { cwd: root, stdio: 'inherit' });
};
