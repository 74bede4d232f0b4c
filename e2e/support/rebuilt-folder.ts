import type { Page } from '@playwright/test';

/**
 * Serves the folder as a rebuild would after `fileId`'s text was edited: the manifest names the
 * file with a new content hash and size, and the file answers with the new text. The build's
 * packs are left out of that manifest, so every file is fetched on its own (the dev server's way,
 * the same parse and the same caches keyed by hash): only the edited file differs from the build.
 *
 * IMPORTANT: page.route cannot see what a service worker answers: use with
 * `test.use({ serviceWorkers: 'block' })`.
 */
export async function serveEdited(page: Page, fileId: string, edit: (text: string) => string) {
  const path = `${fileId}.txt`;
  let edited: Buffer | null = null;
  const editedText = async () => {
    if (edited) return edited;
    const res = await page.request.get(`/seeds/${path}`);
    edited = Buffer.from(edit(await res.text()), 'utf8');
    return edited;
  };
  await page.route('**/seeds-manifest.json', async (route) => {
    const res = await route.fetch();
    const manifest = await res.json();
    const bytes = await editedText();
    delete manifest.packs;
    for (const f of manifest.files) {
      if (f.id === fileId) {
        f.hash = `edited${bytes.length}`;
        f.size = bytes.length;
      }
    }
    await route.fulfill({ response: res, json: manifest });
  });
  await page.route(`**/seeds/${path}`, async (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/plain; charset=utf-8',
      body: await editedText(),
    }),
  );
}
