/**
 * `npm run package`: one release zip for one server address, for a district's IT contact to host and
 * install without Node, git or the internet.
 *
 *   ADDIN_BASE_URL=https://intranet.example.go.th/oneplan/ npm run package [-- --out DIR]
 *
 * Writes DIR (default dist/release/<host-and-path>/), made whole or not at all (scripts/build-web.js):
 *   web/               the files to host at ADDIN_BASE_URL (with web.config for IIS and manifest.xml)
 *   manifest.xml       the same manifest, for the Microsoft 365 admin center or a shared-folder catalog
 *   INSTALL.md         docs/install-guide.md for this address, Id and version (Thai, then English)
 *   SHA256SUMS.txt     the SHA-256 of every file above (`sha256sum -c` reads it)
 *   oneplan-<version>-<host-and-path>.zip   all of the above under one folder, and its .sha256 beside it
 * ADDIN_ID and ADDIN_VERSION work as in scripts/manifest.js.
 */
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { zipSync } = require('fflate');
const { deploymentFromEnv } = require('./manifest');
const { buildInto, compileWeb } = require('./build-web');

const ROOT = path.join(__dirname, '..');
const GUIDE = path.join(ROOT, 'docs/install-guide.md');
/** Every entry's time in the zip (local-time fields, so the bytes do not depend on the time zone). */
const ZIP_TIME = new Date(2026, 0, 1, 0, 0, 0);

/** IIS serves only the file types it knows: the pane's sample (.json, .xlsx) and the manifest (.xml). */
const IIS_WEB_CONFIG = `<?xml version="1.0" encoding="utf-8"?>
<!-- OnePlan on IIS: the MIME types the add-in needs, and no caching of the pages that name the scripts
     (the scripts' names change with every build, so they may be cached). -->
<configuration>
  <system.webServer>
    <staticContent>
      <remove fileExtension=".json" />
      <mimeMap fileExtension=".json" mimeType="application/json" />
      <remove fileExtension=".xlsx" />
      <mimeMap fileExtension=".xlsx" mimeType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
      <remove fileExtension=".xml" />
      <mimeMap fileExtension=".xml" mimeType="text/xml" />
    </staticContent>
    <httpProtocol>
      <customHeaders>
        <add name="X-Content-Type-Options" value="nosniff" />
      </customHeaders>
    </httpProtocol>
  </system.webServer>
  <location path="taskpane.html"><system.webServer><staticContent><clientCache cacheControlMode="DisableCache" /></staticContent></system.webServer></location>
  <location path="index.html"><system.webServer><staticContent><clientCache cacheControlMode="DisableCache" /></staticContent></system.webServer></location>
  <location path="commands.html"><system.webServer><staticContent><clientCache cacheControlMode="DisableCache" /></staticContent></system.webServer></location>
  <location path="manifest.xml"><system.webServer><staticContent><clientCache cacheControlMode="DisableCache" /></staticContent></system.webServer></location>
</configuration>
`;

/** "https://oneplan.amphoe.example/addin/" → "oneplan.amphoe.example-addin": a folder and file name. */
function releaseName(baseUrl) {
  const u = new URL(baseUrl);
  return (u.host + u.pathname)
    .replace(/[^A-Za-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
}

/** The install guide with this deployment's address, Id, version and file names filled in. */
function installGuide(template, { baseUrl, id, version }, zipName) {
  const values = { ADDIN_BASE_URL: baseUrl, ADDIN_ID: id, ADDIN_VERSION: version, PACKAGE: zipName.replace(/\.zip$/, '') };
  return template
    .replace(/^<!--[\s\S]*?-->\s*/, '') // the note to editors of the template
    .replace(/\{\{(\w+)\}\}/g, (m, k) => {
      if (!(k in values)) throw new Error(`docs/install-guide.md: unknown placeholder ${m}`);
      return values[k];
    });
}

/** Every file under `dir`, as sorted forward-slash paths. */
function listFiles(dir, prefix = '') {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

const sha256 = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex');

/** SHA256SUMS.txt in the format `sha256sum -c` and the guide's PowerShell loop read. */
function checksums(dir, files) {
  return files.map((f) => `${sha256(fs.readFileSync(path.join(dir, f)))}  ${f}\n`).join('');
}

/** `files` of `dir` zipped under the folder `name`: sorted, with fixed times, so the same files give the same bytes. */
function releaseZip(dir, name, files) {
  const entries = {};
  for (const f of [...files].sort()) entries[`${name}/${f}`] = fs.readFileSync(path.join(dir, f));
  return zipSync(entries, { level: 9, mtime: ZIP_TIME });
}

/** The release folder for `deployment` written into `outDir`; returns the zip's path. */
async function makePackage(deployment, outDir) {
  const name = `oneplan-${deployment.version}-${releaseName(deployment.baseUrl)}`;
  const zipName = `${name}.zip`;
  const template = fs.readFileSync(GUIDE, 'utf8');
  await buildInto(outDir, async (dir) => {
    await compileWeb(path.join(dir, 'web'), { release: true });
    fs.writeFileSync(path.join(dir, 'web/web.config'), IIS_WEB_CONFIG);
    fs.copyFileSync(path.join(dir, 'web/manifest.xml'), path.join(dir, 'manifest.xml'));
    fs.writeFileSync(path.join(dir, 'INSTALL.md'), installGuide(template, deployment, zipName));
    const files = listFiles(dir);
    fs.writeFileSync(path.join(dir, 'SHA256SUMS.txt'), checksums(dir, files));
    const zip = releaseZip(dir, name, [...files, 'SHA256SUMS.txt']);
    fs.writeFileSync(path.join(dir, zipName), zip);
    fs.writeFileSync(path.join(dir, `${zipName}.sha256`), `${sha256(zip)}  ${zipName}\n`);
  });
  return path.join(outDir, zipName);
}

function argValue(args, flag) {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(args) {
  let deployment;
  try {
    deployment = deploymentFromEnv(process.env, require('../package.json').version);
  } catch (e) {
    throw new Error(`ADDIN_BASE_URL ใช้ไม่ได้: ต้องเป็นที่อยู่ https:// ของโฟลเดอร์บนเซิร์ฟเวอร์\n${e.message}`);
  }
  if (!deployment)
    throw new Error(
      'ต้องระบุ ADDIN_BASE_URL: ที่อยู่ https:// ที่จะวางไฟล์ของ Add-in เช่น\n' +
        '  PowerShell: $env:ADDIN_BASE_URL = "https://intranet.example.go.th/oneplan/"; npm run package\n' +
        '  bash:       ADDIN_BASE_URL=https://intranet.example.go.th/oneplan/ npm run package\n' +
        'ADDIN_BASE_URL is required: the https:// address the add-in files will be served from (examples above).',
    );
  const out = path.resolve(argValue(args, '--out') || path.join(ROOT, 'dist/release', releaseName(deployment.baseUrl)));
  // The folder is replaced whole: only an earlier release (or nothing) may be there.
  if (fs.existsSync(out) && fs.readdirSync(out).length && !fs.existsSync(path.join(out, 'SHA256SUMS.txt')))
    throw new Error(
      `${out} มีไฟล์อื่นอยู่และไม่ใช่ชุดติดตั้งเดิม: เลือกโฟลเดอร์ว่างด้วย --out\n` +
        `${out} holds other files and is not an earlier release: choose an empty folder with --out`,
    );
  const zip = await makePackage(deployment, out);
  const rel = path.relative(process.cwd(), zip);
  console.log(
    `\nชุดติดตั้ง: ${rel}\nRelease package: ${rel}\n` +
      `  ${deployment.baseUrl} · Id ${deployment.id} · version ${deployment.version}\n` +
      `  SHA-256 ${fs.readFileSync(`${zip}.sha256`, 'utf8').split(' ')[0]}\n` +
      `วิธีติดตั้งอยู่ใน INSTALL.md ในชุดนั้น\nThe install guide is INSTALL.md inside it.\n` +
      `ตรวจ manifest กับบริการออนไลน์ของ Microsoft (ไม่บังคับ ส่งไฟล์ออกทางอินเทอร์เน็ต):\n` +
      `Optional online check by Microsoft's service (sends the file over the internet):\n` +
      `  npm run validate -- ${path.relative(process.cwd(), path.join(out, 'manifest.xml'))}`,
  );
}

module.exports = { IIS_WEB_CONFIG, releaseName, installGuide, listFiles, releaseZip, makePackage };

if (require.main === module) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(`\n${e.message}`);
    process.exit(1);
  });
}
