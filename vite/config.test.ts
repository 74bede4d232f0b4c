import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger, loadConfigFromFile } from 'vite';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('vite.config.ts', () => {
  // Vite checks the config's whole import graph (vite/ and the src/corpus files it reaches) for
  // what `configLoader: 'native'` cannot load, and printed a line per extensionless import before
  // every dev start, build and preview. Relative imports in that graph name their `.ts` file.
  it('loads without warnings', async () => {
    const warnings: string[] = [];
    const logger = createLogger('warn');
    logger.warn = (msg) => void warnings.push(msg);
    logger.warnOnce = logger.warn;
    const loaded = await loadConfigFromFile(
      { command: 'build', mode: 'production' },
      path.join(root, 'vite.config.ts'),
      root,
      'warn',
      logger,
    );
    expect(loaded?.config.plugins?.length).toBeGreaterThan(0);
    expect(warnings).toEqual([]);
  });
});
