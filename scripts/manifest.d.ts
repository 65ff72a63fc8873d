/** Types of scripts/manifest.js (plain CommonJS so webpack.config.js can require it). */
export interface Deployment {
  baseUrl: string;
  id: string;
  version: string;
}
export const DEV_BASE: string;
export function normaliseBaseUrl(raw: string): string;
export function deploymentId(baseUrl: string): string;
export function manifestVersion(packageVersion: string): string;
export function manifestFor(xml: string, deployment: Deployment): string;
export function deploymentFromEnv(env: Record<string, string | undefined>, packageVersion: string): Deployment | null;
