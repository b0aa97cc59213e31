// Screenshots of a browser test for a person to look at: each state at the two sizes the Atlas is checked at
// (1440×900, a desktop; 1024×768, a small laptop or a tablet on its side), into tests/artifacts/.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';

export const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

export interface ScreenSize {
  width: number;
  height: number;
}

export const SCREEN_SIZES: readonly ScreenSize[] = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
];

export interface ShootOptions {
  /** Scrolled into view at each size (a resize can push it out of sight). */
  show?: Locator;
  /** The whole page, not just the window (a long report). */
  fullPage?: boolean;
  /** A pause after each resize, in ms, for what lays itself out again (a graph). */
  settleMs?: number;
  /** The size in the file name: `1440` (the default) or `1440x900`. */
  sizeInName?: 'width' | 'widthxheight';
  /** The size the page is left at; 1440×900 unless the test goes on at another. */
  restore?: ScreenSize;
}

/** Saves `${name}-1440.png` and `${name}-1024.png` (see sizeInName) and puts the page back at its working size. */
export async function shoot(page: Page, name: string, options: ShootOptions = {}): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const size of SCREEN_SIZES) {
    await page.setViewportSize(size);
    if (options.settleMs) await page.waitForTimeout(options.settleMs);
    await options.show?.scrollIntoViewIfNeeded();
    const suffix = options.sizeInName === 'widthxheight' ? `${size.width}x${size.height}` : `${size.width}`;
    await page.screenshot({ path: `${ARTIFACTS}${name}-${suffix}.png`, fullPage: options.fullPage ?? false });
  }
  await page.setViewportSize(options.restore ?? SCREEN_SIZES[0]);
}
