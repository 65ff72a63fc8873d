/** Where the browser tests and the bench find Debian's Chromium, and what to do when it is not there. */
import * as fs from 'fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The one message for a machine without Chromium (Thai line, then English), or undefined when it is installed. */
export function chromiumMissing(): string | undefined {
  if (fs.existsSync(CHROMIUM)) return undefined;
  return (
    `ไม่พบ Chromium ที่ ${CHROMIUM} — ติดตั้งด้วย sudo apt-get install chromium (Debian) หรือตั้ง CHROMIUM_PATH เป็นที่อยู่ของโปรแกรม\n` +
    `Chromium is not at ${CHROMIUM} — install it with "sudo apt-get install chromium" (Debian) or set CHROMIUM_PATH to its executable`
  );
}
