import { expect, openInteractive, test } from './fixtures';

// The editor's preview walks a draft with the real screens, whose links name step
// addresses the draft has no page for yet: none may lead to a page that does not exist
// (opened in a new tab, or copied).
for (const [name, url] of [
  ['a new troubleshooter', '/edit'],
  ['the shipped troubleshooter', '/edit/q164887'],
] as const) {
  test(`every link in the preview of ${name} leads to a page that exists`, async ({
    page,
    request,
  }) => {
    await openInteractive(page, url);
    const preview = page.getByRole('tabpanel', { name: 'Preview' });
    await expect(preview.getByRole('heading', { level: 1 })).toBeVisible();
    const hrefs = await preview
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of new Set(hrefs)) {
      const response = await request.get(href, { headers: { accept: 'text/html' } });
      expect(response.status(), href).toBe(200);
    }
    // A click still walks the draft in place.
    const firstAnswer = preview.getByRole('list', { name: 'Answers' }).getByRole('link').first();
    const before = await preview.getByRole('heading', { level: 1 }).textContent();
    await firstAnswer.click();
    await expect(preview.getByRole('heading', { level: 1 })).not.toHaveText(before ?? '');
    expect(page.url()).toContain(url);
  });
}
