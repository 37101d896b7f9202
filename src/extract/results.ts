// Ranked results and co-recipients (P1, P2, P4): "urutan teratas ditempati Pemkot Tangsel dengan
// nilai 98,04. Posisi kedua Pemkot Tangerang, sedangkan Pemkab Tangerang berada di urutan ketiga";
// "1. Kota Surabaya"; "Predikat yang sama juga disandang Kabupaten Bantaeng dan Kota Parepare".
// Such sentences often have no receiving verb and name no award — the programme comes from the
// article. Every named region in them is one award with its own rank and score.
import { isScope, resolve } from './attribute.ts';
import { clauseDate, type Draft } from './clauses.ts';
import { findGrade } from './fields.ts';
import type { GiverMatch } from './givers.ts';
import { parseDecimal, rankTokenToNumber } from './numbers.ts';
import type { Programme } from './programme.ts';
import type { Region, RegionMention } from './regions/gazetteer.ts';
import { findUnits, unitBefore } from './regions/units.ts';
import type { Sentence } from './sentences.ts';
import type { Level } from './types.ts';

/** A placing is being reported. */
const RANK_CUE =
  /\b(?:peringkat|urutan|posisi|juara|terbaik|teratas|tertinggi|disusul|menyusul|diikuti|ditempati|dipuncaki|di\s+puncak|tempat\s+(?:pertama|kedua|ketiga)|the\s+best)\b|\b(?:pertama|kedua|ketiga)\s*[,.;]/i;
/** The award is shared with others named here. */
const CO_CUE =
  /\b(?:bersama(?:\s+dengan)?|serupa|yang\s+sama|sama-sama|penerima\s+lain(?:nya)?)\b|\bjuga\b[^.;]{0,25}?\b(?:meraih|menerima|membawa|mendapat(?:kan)?|memperoleh|menyabet|mengantongi|menyandang|disandang|diraih|diterima|diberikan|dianugerahi)\b/i;
/** Giver as subject (P5): "Tim penilai juga memberikan penghargaan khusus … kepada Kabupaten X". */
const GIVE = /\b(?:memberikan|menyerahkan|menganugerahkan|menganugerahi|memberi)\s+(.{3,140}?)\s+kepada\s+$/i;
const AWARD_WORD = /\b(?:penghargaan|anugerah|piala|piagam|trofi|award|predikat|sertifikat|juara)\b/i;
/** Not (yet) received, or not an award: plans, hopes, nominations, money, statistics (P12–P14). */
const NOT_RESULT =
  /\b(?:akan|menargetkan|target|berharap|harapan(?:nya)?|semoga|nomin\w*|finalis|mendatang|tahun\s+depan|insentif|dijadwalkan|calon|realisasi|persen|prevalensi|cakupan|tidak\s+(?:masuk|meraih)|belum\s+(?:masuk|meraih))\b|\bRp\s?\d/i;
/** Words right before a name that make it a giver, a place or an origin — not the recipient. */
const NOT_RECIPIENT_BEFORE =
  /(?:\b(?:diserahkan|diberikan|diumumkan|digelar|diselenggarakan|dirilis|oleh|dari|di|asal|(?<!jatuh\s)ke|menuju|HUT(?:\s+ke-?\d+)?|hari\s+jadi(?:\s+ke-?\d+)?|Bappeda|Bapperida|Komisi\s+Informasi|KI|BPK|Perwakilan|Kanwil|Ombudsman|DPRD|Polda|Polres|PKK|Ketua|Sekretaris|Kepala\s+Bappeda)\s*(?:\([^)]*\)\s*)?(?:Provinsi\s+)?)$/i;
const BULLET_NUMBER = /^\s*(\d{1,2})[.)]\s+/;
// "kategori kabupaten/kota" names no one kind.
const CATEGORY =
  /\bkategori\s+(?:pemerintah\s+)?(kota|kabupaten|provinsi)\b(?!\s*(?:\/|(?:dan|serta)\s+(?:kota|kabupaten|provinsi)))/i;
const CONTINUES = /^\W*(?:di\s+belakang(?:nya)?|menyusul|disusul|diikuti|berikutnya|selanjutnya)\b/i;
/** "predikat BB diraih Pemkab Tangerang dan Pemkot Serang": received, said in the passive. */
const RECEIVED_BY =
  /\b(?:dimenangi|dimenangkan|disabet|diboyong|diraih|diterima|disandang|didapat(?:kan)?|diperoleh|dianugerahkan\s+kepada|diberikan\s+kepada|jatuh\s+(?:ke(?:pada)?|pada))\s+(?:oleh\s+)?$/i;
/** "juga masuk daftar penerima", "masuk jajaran badan publik Informatif", "yang masuk Top 45": listed among the recipients. */
const LISTED_AMONG =
  /\b(?:masuk|termasuk)\s+(?:dalam\s+)?(?:daftar\s+(?:penerima|peraih|pemenang)|jajaran|deretan|top\s+\d{1,3})\b/i;
/** "kategori kabupaten dan kota": each recipient in the category of its own kind. */
const PAIRED_CATEGORY =
  /\bkategori\s+(?:kabupaten|kota|provinsi)\s*(?:dan|serta|\/|,)\s*(?:kabupaten|kota|provinsi)\b/i;
const AND = /^\s*(?:,|dan|serta|,\s*dan)\s*$/i;
const CHAIN_WORD = /\b(?:disusul|menyusul|diikuti|lalu|kemudian)\b/i;
const CHAIN = /\b(?:disusul|menyusul|diikuti|lalu|kemudian|dan|serta)\b[^,;]*$/i;
const ORDINAL_NEAR =
  /\b(?:peringkat|urutan|posisi|juara(?:\s+umum)?|tempat|terbaik|ranking|rangking)\s*(?:ke-?)?\s*(pertama|kedua|ketiga|keempat|kelima|satu|dua|tiga|empat|lima|[1-9]|I{1,3}|IV|V)\b|\b(teratas|tertinggi|dipuncaki)\b|\bdi\s+(puncak)\b/i;

export interface ResultContext {
  programme: Programme | null;
  /** Title to use when the article names no programme (its headline topic). */
  fallbackTitle: string | null;
  subject: Region | null;
  giver: GiverMatch | null;
  date: string | null;
  level: Level | null;
  year: number | null;
  reference: string | null;
  /** Regions the article names with their kind ("Kota Mojokerto"): bare names resolve to them. */
  named: ReadonlySet<Region>;
  /** findRegions of a sentence, read from the article's one pass over its words. */
  regionsIn: (s: Sentence) => RegionMention[];
  /** Lines before the first paragraph: headlines and captions, which restate in short. */
  skipLines: number;
}

interface Carried {
  rank: number;
  line: number;
  kind: Heading['kind'] | null;
}

interface Heading {
  kind: 'kota' | 'kabupaten' | 'provinsi';
  line: number;
}

export function resultDrafts(sentences: Sentence[], ctx: ResultContext): Draft[] {
  // With no name at all, the title is left empty for the document pass to fill from the award
  // reported before it.
  const title = ctx.programme?.name ?? ctx.fallbackTitle ?? '';
  const out: Draft[] = [];
  let heading: Heading | null = null;
  // The last placing read, so "Di belakangnya menyusul Kabupaten Kudus" continues the list.
  let carried: Carried | null = null;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    if (s.line < ctx.skipLines) continue;
    const cat = CATEGORY.exec(s.text);
    const item = BULLET_NUMBER.exec(s.text);
    if (cat && s.wholeLine && s.text.length < 60) {
      heading = { kind: cat[1].toLowerCase() as Heading['kind'], line: s.line };
      continue;
    }
    if (heading && !item && s.line > heading.line + 1 && s.text.length > 60) heading = null;
    if (NOT_RESULT.test(s.text)) continue;
    const listed = item !== null && s.text.length < 120;
    if (
      !listed &&
      !RANK_CUE.test(s.text) &&
      !CO_CUE.test(s.text) &&
      !LISTED_AMONG.test(s.text) &&
      !/\b(?:dimenangi|dimenangkan|diraih|diterima|disandang|diperoleh|didapat\w*|kepada)\b/i.test(s.text)
    )
      continue;
    const shared = CO_CUE.test(s.text);
    const listedAmong = LISTED_AMONG.test(s.text);
    // "… diterima Disdukcapil Kota Cilegon untuk kategori Kota Sedang, sementara kategori
    // Kabupaten dimenangi …": categories of two kinds in one sentence, each its own recipients.
    const kinds = new Set(
      [...s.text.matchAll(/\bkategori\s+(?:pemerintah\s+)?(kota|kabupaten|provinsi)\b/gi)].map((x) =>
        x[1].toLowerCase(),
      ),
    );
    const paired = PAIRED_CATEGORY.test(s.text) || kinds.size > 1;
    const last = carried as Carried | null;
    const cont: Carried | null =
      last && last.line === s.line && CONTINUES.test(s.text.slice(0, 40)) ? last : null;
    const kind: Heading['kind'] | null = paired
      ? null
      : cat
        ? (cat[1].toLowerCase() as Heading['kind'])
        : listed
          ? (heading?.kind ?? null)
          : (cont?.kind ?? null);
    // A bare province name ("Jawa Timur menempati urutan pertama") is a recipient only in a
    // provinsi category; elsewhere it is a scope or a giver.
    const named = recipients(s, ctx.subject, ctx.regionsIn, ctx.named)
      .filter(
        (r) =>
          (!kind || r.region.kind === kind) &&
          (r.m.by !== 'bare' || r.region.kind !== 'provinsi' || kind === 'provinsi'),
      )
      .concat(unitsOfSubject(s, ctx))
      .sort((a, b) => a.m.start - b.m.start);
    let prevRank: number | null = cont?.rank ?? null;
    // "Tempat kedua dan ketiga diisi Kabupaten Sikka dan Kota Kupang": ranks first, names after.
    const listedRanks = ranksListed(s.text.slice(0, named[0]?.m.start ?? 0));
    const byOrder = listedRanks && listedRanks.length === named.length ? listedRanks : null;
    let passive = false;
    // The sentence's date, read once for all its recipients (only when one is taken).
    let date: string | null | undefined;
    for (let k = 0; k < named.length; k++) {
      const { m, region } = named[k];
      const fullBefore = s.text.slice(k === 0 ? 0 : named[k - 1].m.end, m.start);
      // "dimenangi Disdukcapil Kabupaten Lebak": the unit is the recipient, its region the name.
      const unit = unitBefore(fullBefore);
      const before = unit ? fullBefore.slice(0, unit.start) : fullBefore;
      const recipient = unit ? s.text.slice(m.start - (fullBefore.length - unit.start), m.end) : m.written;
      // "yang diumumkan Dinas Pendidikan Provinsi Banten": the unit gave or announced it.
      if (unit && NOT_RECIPIENT_BEFORE.test(before.slice(-40))) continue;
      const after = s.text.slice(m.end, k + 1 < named.length ? named[k + 1].m.start : s.text.length);
      let rank = listed && item ? Number(item[1]) : (byOrder?.[k] ?? ordinal(before) ?? ordinalAfter(after));
      if (rank === null && prevRank !== null && CHAIN.test(before)) rank = prevRank + 1;
      prevRank = rank;
      if (rank !== null) carried = { rank, line: s.line, kind };
      // Without a placing, only a named co-recipient is a result ("penghargaan serupa juga
      // diterima Kota X"); the subject without a placing is a restatement of what it received.
      const given = GIVE.exec(s.text.slice(0, m.start - (fullBefore.length - before.length)));
      const object = given && AWARD_WORD.test(given[1]) ? given[1].replace(/^(?:juga|pula)\s+/i, '') : null;
      passive = RECEIVED_BY.test(before) || (passive && AND.test(before));
      if (rank === null && !object && !passive && !listedAmong && !(shared && region !== ctx.subject))
        continue;
      const score = scoreAfter(after);
      const categoryLabel = kind ?? (paired ? region.kind : null);
      if (date === undefined) date = clauseDate(s.text, ctx.reference) ?? ctx.date;
      out.push({
        title: object ?? (categoryLabel && title ? `${title} kategori ${categoryLabel}` : title),
        recipient,
        giver: ctx.giver,
        level: ctx.level,
        date,
        category: categoryLabel,
        rank: rank !== null ? `Peringkat ${rank}` : null,
        rankPosition: rank,
        score,
        grade:
          findGrade(after)?.grade ?? (passive ? (findGrade(s.text.slice(0, m.start))?.grade ?? null) : null),
        year: ctx.year,
        yearFromName: ctx.year !== null,
        start: s.start,
        end: s.end,
        sentence: i,
        confidence: rank !== null ? 0.7 : 0.6,
        gradeOnly: false,
      });
    }
  }
  return out;
}

/** Between a unit and the region it belongs to: more of its name, a kecamatan, "milik", "di". */
const LEADS_TO_REGION =
  /^(?:\s+(?:dr\.|drg\.|dan|\p{Lu}[\p{L}\p{N}.'-]*|\(\p{Lu}[\p{L} ]*\))|,\s*(?=(?:Kecamatan|Kelurahan|Desa|Kota|Kabupaten|Provinsi)\b)|\s*(?:Kecamatan|Kelurahan|Desa)\b)*\s*(?:milik|di|,)?\s*$/u;

/** A unit named before it in the sentence is a person holding it ("Kepala Dinas …"), not the unit. */
const PERSON_BEFORE = /\b(?:Kepala|Kadis|Direktur|Dirut|Sekretaris|Plt\.?|Camat|Lurah)\s+$/i;

/**
 * "Juara I diraih Kecamatan Cikupa; Juara II Kecamatan Balaraja", "predikat terbaik jatuh ke
 * Puskesmas Cibodasari": units named with no region are units of the article's subject.
 * A unit right before a region name ("RSUD Kota Tangerang") is read with that region instead.
 */
function unitsOfSubject(s: Sentence, ctx: ResultContext): Array<{ m: RegionMention; region: Region }> {
  const subject = ctx.subject;
  if (!subject) return [];
  const text = s.text;
  const regions = ctx.regionsIn(s);
  const out: Array<{ m: RegionMention; region: Region }> = [];
  for (const u of findUnits(text)) {
    // "Kelurahan Sukasari, Kecamatan Tangerang, Kota Tangerang", "RSUD dr. Soetomo milik Pemprov
    // Jatim": the region named after the unit, read with it.
    if (
      regions.some(
        (r) => r.start >= u.end && r.start - u.end <= 60 && LEADS_TO_REGION.test(text.slice(u.end, r.start)),
      )
    )
      continue;
    const lead = text.slice(Math.max(0, u.start - 40), u.start);
    if (PERSON_BEFORE.test(lead) || NOT_RECIPIENT_BEFORE.test(lead)) continue;
    out.push({
      m: { region: subject, candidates: [subject], start: u.start, end: u.end, written: u.name, by: 'kind' },
      region: subject,
    });
  }
  return out;
}

function recipients(
  s: Sentence,
  subject: Region | null,
  regionsIn: (s: Sentence) => RegionMention[],
  known: ReadonlySet<Region>,
): Array<{ m: RegionMention; region: Region }> {
  const text = s.text;
  const out: Array<{ m: RegionMention; region: Region }> = [];
  for (const m of regionsIn(s)) {
    if (isScope(text, m)) continue;
    if (NOT_RECIPIENT_BEFORE.test(text.slice(Math.max(0, m.start - 40), m.start))) continue;
    // "Salatiga pertama, Singkawang kedua, Bekasi ketiga": a bare name that fits a kota and a
    // kabupaten is, in a list about kota, the kota.
    const sameKind = subject ? m.candidates.filter((r) => r.kind === subject.kind) : [];
    const region = resolve(m, subject, known) ?? (sameKind.length === 1 ? sameKind[0] : null);
    if (!region) continue;
    // The same region twice in one sentence ("Kota X … kota itu"): one recipient.
    if (out.some((o) => o.region === region)) continue;
    out.push({ m, region });
  }
  return out;
}

function toPosition(word: string): number | null {
  const w = word.toLowerCase();
  if (/^(?:teratas|tertinggi|puncak|dipuncaki|terbaik|juara)$/.test(w)) return 1;
  return rankTokenToNumber(w);
}

const RANK_WORD = '(pertama|kedua|ketiga|keempat|kelima|[1-5]|I{1,3}|IV|V)';
const RANKS_LISTED = new RegExp(
  String.raw`\b(?:tempat|posisi|peringkat|urutan|juara|ranking)\s+(?:ke-?)?${RANK_WORD}((?:\s*,\s*(?:ke-?)?${RANK_WORD.replace('(', '(?:')})*)\s*(?:,\s*)?(?:dan|serta)\s+(?:ke-?)?${RANK_WORD}\b`,
  'i',
);

/** "kedua dan ketiga", "II, III dan IV" said before the names they belong to, in order. */
function ranksListed(before: string): number[] | null {
  const m = RANKS_LISTED.exec(before);
  if (!m) return null;
  const middle = (m[2].match(/[\p{L}\d]+/gu) ?? []).filter((w) => !/^ke$/i.test(w));
  const words = [m[1], ...middle, m[3]];
  const ranks = words.map((w) => toPosition(w));
  return ranks.every((r) => r !== null) ? (ranks as number[]) : null;
}

/** The placing said in the words just before a name ("Posisi kedua Pemkot Tangerang"). */
function ordinal(before: string): number | null {
  const tail = before.slice(-70);
  let last: RegExpExecArray | null = null;
  const re = new RegExp(ORDINAL_NEAR.source, 'gi');
  for (let m = re.exec(tail); m; m = re.exec(tail)) last = m;
  if (!last) return null;
  // "urutan pertama, diikuti Jawa Tengah": the placing belongs to the name before the chain word;
  // "X meraih Juara 2 …, sedangkan Y": to the name before the clause break.
  const rest = tail.slice(last.index + last[0].length);
  if (CHAIN_WORD.test(rest) || /,\s*(?:sedangkan|sementara|adapun|lalu)\b|;/i.test(rest)) return null;
  return toPosition(last[1] ?? last[2] ?? last[3]);
}

/** "… Pemkab Tangerang berada di urutan ketiga": the placing right after the name. */
function ordinalAfter(after: string): number | null {
  const head = after.slice(0, 50);
  const m =
    /^[^,;.]*?\b(?:di|pada|menempati|meraih|berada\s+di)\s+(?:urutan|posisi|peringkat|tempat)\s+(?:ke-?)?\s*(\S+)/i.exec(
      head,
    ) ??
    // "Kabupaten Tangerang kedua, Kota Tangerang ketiga"
    /^\s*(?:di\s+)?(?:posisi\s+|urutan\s+|peringkat\s+)?(pertama|kedua|ketiga)\b/i.exec(head) ??
    /^[^,;.]*?\b(?:sebagai|menjadi|meraih|merebut|menyabet)\s+(?:juara(?:\s+umum)?|peringkat|ranking|terbaik)\s+(?:ke-?)?([1-9]|I{1,3}|IV|V|pertama|kedua|ketiga)\b/i.exec(
      head,
    ) ??
    /^[^,;.]*?\b(?:sebagai|menjadi)\s+(?:yang\s+)?(terbaik|teratas|tertinggi|juara)\b/i.exec(head);
  const rank = m ? toPosition(m[1].replace(/[.,;]$/, '')) : null;
  // "Tuan rumah berada di urutan keempat": a place in the table past the podium is no award.
  return rank !== null && rank > 3 && /urutan|posisi|tempat/i.test(m?.[0] ?? '') ? null : rank;
}

/** "Kabupaten Kudus (85,10)", "Pemkot Tangsel dengan nilai 98,04". */
function scoreAfter(after: string): number | null {
  const m =
    /^\s*\((\d{1,3}[,.]\d{1,2})\)/.exec(after) ??
    /^[^.;]{0,12}?\bdengan\s+(\d{1,3}(?:[,.]\d{1,2})?)\s+poin\b/i.exec(after) ??
    /^[^.;]{0,25}?\b(?:nilai|skor|indeks)\s+(?:akhir\s+)?(\d{1,3}[,.]\d{1,2})\b/i.exec(after);
  return m ? parseDecimal(m[1]) : null;
}
