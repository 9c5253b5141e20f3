// axe-core in a real page or frame, offline: its source is read from node_modules and evaluated
// in the document (an extension page's CSP forbids script tags that are not the extension's own;
// an evaluation through the driver is not a page script). Only serious and critical violations
// are reported, each as one readable line per element.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import type { Doc } from './drivers/types';

const require = createRequire(import.meta.url);
let source: Promise<string> | null = null;

function axeSource(): Promise<string> {
  source ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  return source;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Serious and critical axe violations in `target`'s document, e.g. "color-contrast: .x (…)". */
export async function seriousAxeViolations(
  target: Page | Frame,
  options: { include?: string } = {},
): Promise<string[]> {
  const hasAxe = await target.evaluate(() => 'axe' in globalThis);
  if (!hasAxe) await target.evaluate(await axeSource());
  const violations = (await target.evaluate(async (include) => {
    const axe = (
      globalThis as unknown as {
        axe: { run(c: unknown, o: unknown): Promise<{ violations: unknown[] }> };
      }
    ).axe;
    const result = await axe.run(include ? { include: [include] } : document, {
      resultTypes: ['violations'],
    });
    return result.violations;
  }, options.include ?? null)) as AxeViolation[];
  return seriousOf(violations);
}

/**
 * The same check in a document of either driver (tests/e2e/both/): the source goes in as the
 * body of the function the driver evaluates, which no page script or CSP sees.
 */
export async function seriousAxeViolationsInDoc(doc: Doc): Promise<string[]> {
  // axe's own source from node_modules, as the body of the function the driver evaluates.
  const install = new Function(`if (!('axe' in globalThis)) {\n${await axeSource()}\n}`);
  await doc.evaluate(install as () => void);
  const violations = (await doc.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run(c: unknown, o: unknown): Promise<{ violations: unknown[] }> };
      }
    ).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  })) as AxeViolation[];
  return seriousOf(violations);
}

function seriousOf(violations: AxeViolation[]): string[] {
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (node) =>
          `${v.id} (${v.impact}): ${node.target.join(' ')}: ${v.help}. ${node.failureSummary ?? ''}`,
      ),
    );
}
