/** Types of scripts/package.js (plain CommonJS, run by `npm run package`). */
import type { Deployment } from './manifest';
export const IIS_WEB_CONFIG: string;
export function releaseName(baseUrl: string): string;
export function installGuide(template: string, deployment: Deployment, zipName: string): string;
export function listFiles(dir: string, prefix?: string): string[];
export function releaseZip(dir: string, name: string, files: string[]): Uint8Array;
export function makePackage(deployment: Deployment, outDir: string): Promise<string>;
