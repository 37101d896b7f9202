// Reads the text of an uncompressed pdfkit PDF (standard fonts): each text-showing operator
// carries hex strings of WinAnsi codes, e.g. [<4c61706f72616e> 20 <...>] TJ. Numbers between
// the strings are kerning, not spaces, so the pieces of one operator join without a gap.

export function pdfText(pdf: Buffer): string {
  const src = pdf.toString('latin1');
  const out: string[] = [];
  for (const m of src.matchAll(/\[((?:<[0-9a-fA-F]*>|\s|-?\d+(?:\.\d+)?)*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
    const parts = m[1] !== undefined ? [...m[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((p) => p[1]) : [m[2]];
    out.push(parts.map((hex) => Buffer.from(hex, 'hex').toString('latin1')).join(''));
  }
  return out.join('\n');
}

export function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;
}
