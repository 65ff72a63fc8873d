/** Types of scripts/build-web.js (plain CommonJS, run by `npm run build:web`). */
export const DEV_WEB: string;
export function buildInto(outDir: string, make: (tempDir: string) => Promise<void> | void): Promise<void>;
export function compileWeb(outDir: string, options?: { release?: boolean }): Promise<void>;
