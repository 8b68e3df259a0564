// The language picker switches once the picked language's strings have loaded (each language
// but English is its own chunk), so what a test reads after picking waits for that.

/**
 * In the page: whether it is shown in the language its picker says (true where there is no
 * picker). Pass to page.waitForFunction, or call inside another waited condition.
 */
export function shownInPickedLanguage() {
  const picker = document.querySelector('[data-testid="language"]');
  return !(picker instanceof HTMLSelectElement) || document.documentElement.lang === picker.value;
}

/** Waits until the page is shown in the language its picker says. @param {import('playwright-core').Page} page */
export async function languageApplied(page) {
  await page.waitForFunction(shownInPickedLanguage);
}
