import type { Locator, Page } from 'playwright-core';

import { expectNoSeriousA11yViolations, screenshot } from './browser';

/** Locators and checks shared by the browser tests of the web front. */

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Matches an element whose whole text is `text`, ignoring surrounding white space. */
export function whole(text: string): RegExp {
  return new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`);
}

/** Returns the <dd> that follows the <dt> whose text is `term`. */
export function definitionOf(scope: Locator, term: string): Locator {
  return scope
    .locator('dt')
    .filter({ hasText: whole(term) })
    .locator('xpath=following-sibling::dd[1]');
}

export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** Checks the page has one h1 and no serious axe violation, then saves a screenshot. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 }).count()).resolves.toBe(1);
  await expectNoSeriousA11yViolations(page, name);
  await screenshot(page, name);
}
