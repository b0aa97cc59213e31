import type { TestProject } from 'vitest/node';
import { launchAtlas } from '../support/atlas.js';

export default async function setup(project: TestProject) {
  const started = Date.now();
  const atlas = await launchAtlas((line) => console.log(`[e2e] ${line}`));
  console.log(`[e2e] Foresight Atlas for browser tests at ${atlas.url} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  project.provide('atlasUrl', atlas.url);
  project.provide('atlasUser', atlas.user);
  project.provide('atlasAdmin', atlas.admin);
  return () => atlas.stop();
}
