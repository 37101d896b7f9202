// How deeply a page nests its elements, measured by a linear scan of the tags. The HTML reader
// (Readability) takes time that grows with the square of the depth — a page of 1,000 nested
// <div>s holds it for half a minute — so pages deeper than any real news page are refused
// before they are parsed. Elements the parser closes by itself (p, li, td …) and void elements
// do not nest and are not counted; script and style bodies are skipped.

/** Real news pages nest 20–60 deep; 100 is generous and still reads in well under a second. */
export const MAX_HTML_DEPTH = 100;

const SELF_CLOSING = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  // closed implicitly by the next sibling, so never deeper than one level
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'option',
  'thead',
  'tbody',
  'tfoot',
]);

export function htmlDepth(html: string): number {
  const text = html.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '');
  let depth = 0;
  let max = 0;
  for (const m of text.matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g)) {
    const name = m[2].toLowerCase();
    if (SELF_CLOSING.has(name) || m[3]) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > max) max = depth;
  }
  return max;
}
