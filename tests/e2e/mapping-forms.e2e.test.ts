// The mapping forms from the keyboard and their error states: the New… menu (kinds by role), a validation message
// beside the field it names (checked in the browser, and refused by the API), the link form, the sources picker
// with a new source inline, and the data quality screen one click from its fix. Screenshots at 1440×900 and
// 1024×768 go to tests/artifacts/ for review.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestAtlas } from '../support/atlas.js';
import type { TestBrowser } from '../support/browser.js';
import { openInExplorer } from '../support/mapping-ui.js';
import { closeSignedInPage, openSignedInPage } from '../support/signed-in.js';
import { shoot } from '../support/screenshots.js';

let atlas: TestAtlas;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  ({ atlas, browser, page } = await openSignedInPage());
});

afterAll(() => closeSignedInPage({ atlas, browser }));

describe('Mapping forms', () => {
  it('opens New… from the keyboard and offers the kinds an analyst may create (not the EU lists)', async () => {
    await page.goto(`${atlas.url}/?view=explorer`);
    const button = page.getByRole('button', { name: 'New…' });
    await button.focus();
    await page.keyboard.press('ArrowDown');
    const items = page.getByRole('menuitem');
    await items.first().waitFor();
    const labels = (await items.allTextContents()).map((t) => t.trim());
    expect(labels).toEqual(
      expect.arrayContaining(['Technology', 'Capability', 'Component', 'Material', 'Supplier', 'Country', 'Source', 'Case study', 'Project', 'Organisation']),
    );
    expect(labels).not.toContain('KET area');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(labels[0]);
    await shoot(page, 'mapping-new-menu');
    await page.keyboard.press('Escape');
    expect(await page.getByRole('menu').count()).toBe(0);
  });

  it('shows a validation message beside the field it names, from the browser check and from the API', async () => {
    await page.getByRole('button', { name: 'New…' }).click();
    await page.getByRole('menuitem', { name: 'Technology', exact: true }).click();
    const form = page.getByRole('form', { name: 'New technology' });
    await form.getByLabel('Name').fill('WX Validation probe');
    await form.getByLabel('Technology readiness level').fill('12');
    await form.getByLabel('Name').press('Enter');
    const trl = form.locator('[data-field="trl"]');
    await trl.locator('.form-error').waitFor();
    expect(await trl.locator('.form-error').textContent()).toContain('between 1 and 9');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('entity-form-Technology-trl');
    await shoot(page, 'mapping-validation-error');

    // A duplicate id only the API can know about: its error lands beside the Id field.
    await form.getByLabel('Technology readiness level').fill('6');
    await form.getByLabel('Id (optional)').fill('tech:facial-recognition');
    await form.getByLabel('Name').press('Enter');
    const id = form.locator('[data-field="id"] .form-error');
    await id.waitFor({ timeout: 15_000 });
    expect(await id.textContent()).toMatch(/tech:facial-recognition/);
    await page.keyboard.press('Escape');
    expect(await page.getByRole('form', { name: 'New technology' }).count()).toBe(0);
  });

  it('adds a new source inline in the sources picker', async () => {
    await page.getByRole('button', { name: 'New…' }).click();
    await page.getByRole('menuitem', { name: 'Material', exact: true }).click();
    const form = page.getByRole('form', { name: 'New material' });
    await form.getByLabel('Name').fill('WX Sources probe material');
    await form.getByRole('button', { name: '+ New source…' }).click();
    const group = form.getByRole('group', { name: 'New source' });
    await group.getByLabel('Title').fill('WX Critical raw materials study');
    await group.getByLabel('Publisher').fill('European Commission');
    await group.getByLabel('Year').fill('2023');
    await group.getByLabel('URL').fill('not a url');
    await group.getByLabel('URL').press('Enter');
    await group.locator('[data-field="url"] .form-error').waitFor();
    await group.locator('[data-field="accessed"]').scrollIntoViewIfNeeded();
    expect(await group.getByLabel('Accessed on').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await shoot(page, 'mapping-sources-picker');
    await group.getByLabel('URL').fill('https://example.org/crm-study');
    await group.getByLabel('URL').press('Enter');
    await form.locator('.sources .chosen li').filter({ hasText: 'WX Critical raw materials study' }).waitFor();
    await form.getByLabel('Name').press('Enter');
    await page.getByTestId('change-toast').filter({ hasText: 'WX Sources probe material' }).waitFor();
    await page.locator('#details-heading').filter({ hasText: 'WX Sources probe material' }).waitFor();
    // The source came with it.
    await page.locator('.details ol.sources li').filter({ hasText: 'WX Critical raw materials study' }).waitFor({ timeout: 15_000 });
  });

  it('undoes a create from the toast: the entity is gone and the map no longer shows it', async () => {
    const id = (await page.locator('.details code.id').textContent())!.trim();
    expect(id).toMatch(/^mat:/);
    const toast = page.getByTestId('change-toast');
    await toast.getByRole('button', { name: 'Undo' }).click();
    await toast.filter({ hasText: 'Undone: Created material “WX Sources probe material”' }).waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).searchParams.get('focus')).toBeNull();
    await page.goto(`${atlas.url}/?view=explorer&focus=${encodeURIComponent(id)}`);
    await page
      .getByText(/No entity|not found|No .* with id/i)
      .first()
      .waitFor({ timeout: 15_000 });
  });

  it('offers only the relations the model allows from the kind, and shows the link form', async () => {
    await openInExplorer(page, atlas.url, 'mat:gallium', 'Gallium');
    await page.getByRole('tab', { name: 'Links' }).click();
    await page.getByRole('button', { name: /^\+ Link .* to…$/ }).click();
    const options = (await page.locator('#link-relation option').allTextContents()).map((t) => t.trim());
    expect(options).toContain('this is supplied by → Supplier');
    expect(options.some((o) => o.startsWith('this enables'))).toBe(false);
    await page.locator('#link-relation').selectOption({ label: 'this is supplied by → Supplier' });
    await page.getByRole('combobox', { name: 'To', exact: true }).fill('chin');
    await page.getByRole('listbox').getByRole('option').first().waitFor({ timeout: 15_000 });
    await page.getByRole('combobox', { name: 'To', exact: true }).press('Enter');
    await page.locator('form.link-form .chosen').waitFor();
    await page.getByLabel('Share of supply').fill('1.5');
    await page.locator('form.link-form').getByRole('button', { name: 'Link', exact: true }).click();
    await page.locator('form.link-form [data-field="share"] .form-error').waitFor();
    await shoot(page, 'mapping-link-form');
    await page.locator('form.link-form').getByLabel('Share of supply').press('Escape');
    expect(await page.locator('form.link-form').count()).toBe(0);
  });

  it('lists data quality problems, each one click from its fix in edit mode', async () => {
    const nav = page.getByRole('navigation', { name: 'Views' });
    await nav.getByRole('button', { name: 'More' }).click();
    await nav.getByRole('link', { name: /^Data quality/ }).click();
    const trl = page.locator('section[data-section="trl"]');
    await trl.waitFor({ timeout: 20_000 });
    await shoot(page, 'mapping-data-quality');
    const first = trl.locator('button.fix').first();
    const name = (await first.locator('.name').textContent())!.trim();
    await first.click();
    await page.locator('#details-heading').filter({ hasText: name }).waitFor({ timeout: 20_000 });
    await page.locator('form.entity-form').getByLabel('Technology readiness level').waitFor();
    expect(await page.getByRole('tab', { name: 'Edit' }).getAttribute('aria-selected')).toBe('true');
    expect(browser.errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });
});
