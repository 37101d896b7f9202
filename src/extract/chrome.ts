// Site chrome is not the article (P17): "Baca juga" links, "Berita Terkait" and "Terpopuler"
// blocks, tags, breadcrumbs, bylines. They are blanked — replaced by spaces, newlines kept — so
// every offset still indexes the caller's text while no later stage can read an award from them.

/** A line that is chrome by itself. */
const CHROME_LINE =
  /^\s*(?:baca\s+(?:juga|pula)|simak\s+juga|lihat\s+juga|artikel\s+terkait|tags?|tag\s*:|topik|kata\s+kunci|beranda\s*[›>»/]|home\s*[›>»/]|penulis\s*:|editor\s*:|reporter\s*:|pewarta\s*:|copyright|©|hak\s+cipta|ikuti\s+(?:kami|berita)|dapatkan\s+update|follow\s+)/i;

/** A heading that opens a block of chrome: every following short or bulleted line belongs to it. */
const CHROME_BLOCK =
  /^\s*(?:berita\s+terkait|terpopuler|berita\s+populer|berita\s+lainnya|baca\s+juga|rekomendasi|terkini|pilihan\s+editor|populer|artikel\s+lainnya|terbaru)\s*:?\s*$/i;
const BLOCK_ITEM = /^\s*(?:[-•*·▪–]|\d{1,2}[.)])\s*\S/u;

export function blankChrome(text: string): string {
  const lines = text.split('\n');
  let inBlock = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (CHROME_BLOCK.test(l)) {
      inBlock = true;
      lines[i] = ' '.repeat(l.length);
      continue;
    }
    if (inBlock) {
      if (BLOCK_ITEM.test(l) || (l.trim() !== '' && l.trim().length < 120 && !/[.!?]["”]?\s*$/.test(l))) {
        lines[i] = ' '.repeat(l.length);
        continue;
      }
      if (l.trim() !== '') inBlock = false;
    }
    if (CHROME_LINE.test(l)) lines[i] = ' '.repeat(l.length);
  }
  return lines.join('\n');
}
