/**
 * `npm run build:web`: the developer's web build in dist/web (manifest on https://localhost:3000/).
 *
 * A build is made in a sibling folder and moved into place only when webpack reports no error, so a
 * folder is either a whole, current build or absent: a failed build removes the old one instead of
 * leaving it to be served or tested as if it were new. Deployment builds (ADDIN_BASE_URL) never come
 * here: they go to dist/release/<host>/ through `npm run package` (scripts/package.js), so neither this
 * build nor the test run's rebuild can put a localhost manifest where a production one was.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const DEV_WEB = path.join(ROOT, 'dist/web');

/**
 * Runs `make(tempDir)` and moves what it wrote to `outDir`; when it throws, both the temp folder and
 * the previous `outDir` are removed and the error passes on.
 */
async function buildInto(outDir, make) {
  const temp = `${outDir}.building-${process.pid}`;
  const old = `${outDir}.old-${process.pid}`;
  fs.rmSync(temp, { recursive: true, force: true });
  try {
    await make(temp);
  } catch (e) {
    fs.rmSync(temp, { recursive: true, force: true });
    fs.rmSync(outDir, { recursive: true, force: true });
    throw e;
  }
  if (fs.existsSync(outDir)) fs.renameSync(outDir, old);
  fs.renameSync(temp, outDir);
  fs.rmSync(old, { recursive: true, force: true });
}

/** webpack's production build of the pane into `outDir` (`release`: the manifest for ADDIN_BASE_URL). */
async function compileWeb(outDir, { release = false } = {}) {
  const webpack = require('webpack');
  const config = await require('../webpack.config.js')({ out: outDir, release }, { mode: 'production' });
  const stats = await new Promise((resolve, reject) => {
    const compiler = webpack(config);
    compiler.run((err, result) => compiler.close(() => (err ? reject(err) : resolve(result))));
  });
  const report = stats.toString({ preset: 'errors-warnings', colors: Boolean(process.stdout.isTTY) });
  if (report.trim()) console.log(report);
  if (stats.hasErrors()) throw new Error('การสร้างหน้าต่างงานล้มเหลว (ดูข้อผิดพลาดด้านบน)\nThe web build failed (errors above)');
  console.log(`webpack: ${((stats.endTime - stats.startTime) / 1000).toFixed(1)} s`);
}

module.exports = { buildInto, compileWeb, DEV_WEB };

if (require.main === module) {
  if (process.env.ADDIN_BASE_URL) {
    // Checked before anything is removed: a deployment is built by `npm run package`, never into dist/web.
    console.error(
      'ตั้ง ADDIN_BASE_URL ไว้: สร้างชุดติดตั้งด้วย npm run package (dist/web เป็นของนักพัฒนาเสมอ)\n' +
        'ADDIN_BASE_URL is set: build a deployment with npm run package (dist/web is always the developer build)',
    );
    process.exit(1);
  }
  buildInto(DEV_WEB, (dir) => compileWeb(dir)).then(
    () =>
      console.log(
        'dist/web: สร้างแล้ว (ของนักพัฒนา manifest ชี้ https://localhost:3000/)\ndist/web: built (the developer build, manifest on https://localhost:3000/)',
      ),
    (e) => {
      console.error(`\n${e.message}\nลบ dist/web แล้ว จะไม่เหลือของเก่าที่ล้าสมัยให้ใช้ต่อ\ndist/web was removed, so no stale build is left behind`);
      process.exit(1);
    },
  );
}
