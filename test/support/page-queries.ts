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

/** The parts of the page's globals the helpers below use; the tests' tsconfig has no DOM types. */
interface PageGlobals {
  document: { activeElement: { id: string; textContent: string | null } | null };
  getComputedStyle(element: unknown): { outlineStyle: string; outlineWidth: string };
}

export async function isFocused(target: Locator): Promise<boolean> {
  if ((await target.count()) !== 1) {
    return false;
  }

  return target.evaluate(
    (element) => element === (globalThis as unknown as PageGlobals).document.activeElement,
  );
}

/** Tells whether the focused element is `container` or inside it. */
export async function isFocusedWithin(container: Locator): Promise<boolean> {
  return container.evaluate((element) => {
    const active = (globalThis as unknown as PageGlobals).document.activeElement;

    return (element as { contains(other: unknown): boolean }).contains(active);
  });
}

export async function expectFocused(target: Locator): Promise<void> {
  await expect(isFocused(target)).resolves.toBe(true);
}

/** Waits until `target` has the focus, for focus that moves on a later frame (dialogs). */
export async function waitForFocus(page: Page, target: Locator): Promise<void> {
  const handle = await target.elementHandle();
  await page.waitForFunction(
    (element) => element === (globalThis as unknown as PageGlobals).document.activeElement,
    handle,
  );
}

/** Returns the id and text of the element that has the focus, empty when none has it. */
export async function focusedElement(page: Page): Promise<{ id: string; text: string }> {
  return page.evaluate(() => {
    const active = (globalThis as unknown as PageGlobals).document.activeElement;

    return { id: active?.id ?? '', text: active?.textContent ?? '' };
  });
}

/** Checks the control shows the DSFR focus ring: a solid outline of at least 2 px. */
export async function expectFocusRing(target: Locator): Promise<void> {
  const outline = await target.evaluate((element) => {
    const style = (globalThis as unknown as PageGlobals).getComputedStyle(element);

    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(outline.style).toBe('solid');
  expect(outline.width).toBeGreaterThanOrEqual(2);
}
