/**
 * The manifest Office installs, made from manifest.xml (the developer's, on https://localhost:3000/) for
 * one deployment. webpack.config.js calls it for `npm run package` (scripts/package.js); test/manifest.test.ts
 * and test/package.test.ts check its output against the same rules as manifest.xml.
 *
 * Policy (README "Deploying"):
 *  - every https://localhost:3000/ URL becomes the base URL (https only: Office refuses http add-ins);
 *  - Id: ADDIN_ID when given, else a name-based UUID (version 5 layout) of the base URL. One Id per
 *    deployment: rebuilding for the same address gives the same Id, so an updated manifest replaces the
 *    installed add-in instead of adding a second one; another address gives another Id, so a test and a
 *    production server (or a developer's localhost) can be installed side by side. When the address
 *    moves, build with ADDIN_ID=<the old Id> to keep the installed add-in and its users;
 *  - Version: ADDIN_VERSION when given, else package.json's version with a fourth part 0. Raise it for
 *    every update (Office caches a manifest per version).
 */
'use strict';
const crypto = require('crypto');

const DEV_BASE = 'https://localhost:3000/';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/;

/** The base URL as the manifest needs it (https, ends in "/"), or an Error saying what is wrong. */
function normaliseBaseUrl(raw) {
  let url;
  try {
    url = new URL(String(raw).trim());
  } catch {
    throw new Error(`ADDIN_BASE_URL is not a URL: "${raw}" (example: https://intranet.example.go.th/oneplan/)`);
  }
  if (url.protocol !== 'https:')
    throw new Error(`ADDIN_BASE_URL must start with https:// (Office loads add-ins over HTTPS only): "${raw}"`);
  if (url.search || url.hash || url.username || url.password)
    throw new Error(`ADDIN_BASE_URL must be a plain folder address, without ?, # or a user name: "${raw}"`);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/** A stable UUID for a base URL (SHA-1 name-based, RFC 4122 version 5 layout). */
function deploymentId(baseUrl) {
  const h = crypto
    .createHash('sha1')
    .update('OnePlan add-in ' + baseUrl)
    .digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** The version manifests carry: "0.1.0" → "0.1.0.0". */
function manifestVersion(packageVersion) {
  const v = String(packageVersion).replace(/[-+].*$/, '');
  const parts = v.split('.');
  while (parts.length < 4) parts.push('0');
  return parts.slice(0, 4).join('.');
}

/**
 * manifest.xml rewritten for a deployment: URLs under `baseUrl`, `id`, `version`.
 * Only attribute values that start with the developer's base are rewritten.
 */
function manifestFor(xml, { baseUrl, id, version }) {
  const base = normaliseBaseUrl(baseUrl);
  if (!UUID.test(id)) throw new Error(`ADDIN_ID must be a GUID like 6f3b2a1e-4c5d-4e8f-9a0b-1c2d3e4f5a6b, got "${id}"`);
  if (!VERSION.test(version)) throw new Error(`ADDIN_VERSION must be up to four numbers like 1.2.0.3, got "${version}"`);
  let out = xml.split(`"${DEV_BASE}`).join(`"${base}`);
  out = out.replace(/<Id>[^<]*<\/Id>/, `<Id>${id}</Id>`).replace(/<Version>[^<]*<\/Version>/, `<Version>${version}</Version>`);
  if (out.replace(/<!--[\s\S]*?-->/g, '').includes(DEV_BASE.slice(0, -1)))
    throw new Error('manifest.xml names localhost:3000 outside a URL attribute; the production manifest would keep it');
  return out;
}

/** Options from the environment (ADDIN_BASE_URL, ADDIN_ID, ADDIN_VERSION), or null for the developer's manifest. */
function deploymentFromEnv(env, packageVersion) {
  if (!env.ADDIN_BASE_URL) return null;
  const baseUrl = normaliseBaseUrl(env.ADDIN_BASE_URL);
  return {
    baseUrl,
    id: env.ADDIN_ID ? String(env.ADDIN_ID).trim() : deploymentId(baseUrl),
    version: env.ADDIN_VERSION ? String(env.ADDIN_VERSION).trim() : manifestVersion(packageVersion),
  };
}

module.exports = { DEV_BASE, normaliseBaseUrl, deploymentId, manifestVersion, manifestFor, deploymentFromEnv };
