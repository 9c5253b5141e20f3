// axe-core in a real page or frame, offline: its source is read from node_modules and evaluated
// in the document (an extension page's CSP forbids script tags that are not the extension's own;
// an evaluation through the driver is not a page script). Only serious and critical violations
// are reported, each as one readable line per element.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

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
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (node) =>
          `${v.id} (${v.impact}): ${node.target.join(' ')}: ${v.help}. ${node.failureSummary ?? ''}`,
      ),
    );
}
