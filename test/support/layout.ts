import type { Page } from 'playwright-core';

/** A label drawn outside its drawing, or two labels drawn over each other. */
export type LayoutProblem =
  | { readonly kind: 'clipped'; readonly drawing: string; readonly label: string }
  | { readonly kind: 'overlap'; readonly drawing: string; readonly labels: readonly [string, string] };

/**
 * Measures every text label of every SVG drawing in the page as the browser laid it out (issue 18):
 * a label whose box leaves its drawing is clipped; two labels whose boxes intersect by more than a
 * pixel each way overlap. Labels are compared only within one drawing.
 */
export async function labelProblems(page: Page, selector = 'svg'): Promise<LayoutProblem[]> {
  return page.locator(selector).evaluateAll((drawings) => {
    const problems: ({ kind: 'clipped'; drawing: string; label: string } | { kind: 'overlap'; drawing: string; labels: [string, string] })[] = [];
    const slack = 1;
    for (const drawing of drawings) {
      const name = drawing.getAttribute('aria-label') ?? drawing.getAttribute('class') ?? 'svg';
      const frame = drawing.getBoundingClientRect();
      const labels = [...drawing.querySelectorAll('text')]
        .map((label) => ({ text: label.textContent ?? '', box: label.getBoundingClientRect() }))
        .filter((label) => label.text.trim() !== '' && label.box.width > 0);
      for (const label of labels) {
        const box = label.box;
        if (box.left < frame.left - slack || box.right > frame.right + slack || box.top < frame.top - slack || box.bottom > frame.bottom + slack) problems.push({ kind: 'clipped', drawing: name, label: label.text });
      }
      labels.forEach((first, index) => {
        for (const second of labels.slice(index + 1)) {
          const across = Math.min(first.box.right, second.box.right) - Math.max(first.box.left, second.box.left);
          const down = Math.min(first.box.bottom, second.box.bottom) - Math.max(first.box.top, second.box.top);
          if (across > slack && down > slack) problems.push({ kind: 'overlap', drawing: name, labels: [first.text, second.text] });
        }
      });
    }
    return problems;
  });
}
