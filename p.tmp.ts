import { readFileSync } from 'node:fs';
import { extractArticle } from './src/extract/index.ts';
import { mainProgramme } from './src/extract/programme.ts';
for (const f of ['012', '020']) {
  const t = readFileSync(`/work/shared/news-dev/articles/${f}.txt`, 'utf8');
  console.log(f, mainProgramme(t));
  for (const a of extractArticle(t).awards) console.log(a.title, '|', a.recipient, a.recipientRegion?.name, a.rank);
}
