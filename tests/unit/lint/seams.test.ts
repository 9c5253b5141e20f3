// @vitest-environment node
// The seam rules of eslint.config.js fire on the deliberate violations in tests/lint-fixtures/.
// Each fixture is linted as if it stood at its mirrored path in the source tree, with the
// project's own configuration, so a rule that is loosened or mistyped fails here.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function problemsOf(
  fixture: string,
): Promise<Array<{ ruleId: string | null; message: string }>> {
  const text = readFileSync(`${root}/tests/lint-fixtures/${fixture}`, 'utf8');
  const [result] = await eslint.lintText(text, { filePath: `${root}/${fixture}` });
  return (result?.messages ?? []).map(({ ruleId, message }) => ({ ruleId, message }));
}

describe('seam rules', () => {
  it.each([
    ['utils/calendar/imports-store.ts', '@typescript-eslint/no-restricted-imports', /utils\/store/],
    ['utils/calendar/imports-dexie.ts', '@typescript-eslint/no-restricted-imports', /'dexie'/],
    ['utils/calendar/imports-ui.ts', '@typescript-eslint/no-restricted-imports', /'preact'/],
    [
      'components/panel/imports-browser.ts',
      '@typescript-eslint/no-restricted-imports',
      /wxt\/browser/,
    ],
    ['components/panel/uses-browser-global.ts', 'no-restricted-globals', /browser/],
    [
      'components/panel/imports-selectors.ts',
      '@typescript-eslint/no-restricted-imports',
      /selectors/,
    ],
    [
      'entrypoints/calendar.content/imports-store.ts',
      '@typescript-eslint/no-restricted-imports',
      /store\/db/,
    ],
    ['entrypoints/calendar.content/uses-indexeddb.ts', 'no-restricted-globals', /indexedDB/],
    ['utils/domain/imports-store.ts', 'no-restricted-imports', /imports from nobody/],
    ['utils/domain/imports-package.ts', 'no-restricted-imports', /imports from nobody/],
  ])('%s is refused', async (fixture, ruleId, names) => {
    const problems = await problemsOf(fixture);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.ruleId).toBe(ruleId);
    expect(problems[0]?.message).toMatch(names);
  });

  it('lets a type-only import of a store type through', async () => {
    expect(await problemsOf('utils/calendar/allowed-type-import.ts')).toEqual([]);
  });

  it('lets the domain vocabulary import its own files', async () => {
    const text = "import { FIELD } from './definitions';\n\nexport const line = FIELD.line;\n";
    const [result] = await eslint.lintText(text, { filePath: `${root}/utils/domain/example.ts` });
    expect(result?.messages).toEqual([]);
  });

  it('is not applied to the same code outside the seam', async () => {
    const text = readFileSync(
      `${root}/tests/lint-fixtures/utils/calendar/imports-store.ts`,
      'utf8',
    );
    const [result] = await eslint.lintText(text, {
      filePath: `${root}/utils/messaging/elsewhere.ts`,
    });
    expect(result?.messages).toEqual([]);
  });
});
