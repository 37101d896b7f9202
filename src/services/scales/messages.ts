// Indonesian wording for the grading core's problems and grading errors. The domain speaks
// English (logs, tests); users read Bahasa Indonesia, so each API detail carries both:
// `message` in Indonesian, `detail` with the English sentence, plus the structured fields.

import { formatNumberUpTo } from '../../domain/format.ts';
import { bandName } from '../../domain/grading/edges.ts';
import type { Band, GradeError, ScaleProblem, ScaleVersion } from '../../domain/grading/index.ts';
import type { ErrorDetail } from '../errors.ts';

const num = (x: number | undefined) => (x === undefined ? '?' : formatNumberUpTo('id', x, 6));

const years = (from: number | null | undefined, to: number | null | undefined) =>
  `${from ?? '…'}–${to ?? '…'}`;

/** One problem in Indonesian, naming the bands by the names the version gives them. */
export function problemMessage(p: ScaleProblem, version?: ScaleVersion): string {
  const named = (code: string | undefined) => {
    const band = version?.bands.find((b: Band) => b.code === code);
    return `"${band ? bandName(band) : (code ?? '?')}"`;
  };
  const [a, b] = p.bands ?? [];
  const [x, y] = p.at ?? [];
  const v = p.versions?.[0] ?? version?.version ?? '?';
  switch (p.code) {
    case 'no-bands':
      return `Versi ${v} belum punya pita nilai (band); isi minimal satu.`;
    case 'no-versions':
      return 'Skala belum punya versi; isi minimal satu versi dengan pita nilainya.';
    case 'bad-precision':
      return 'Presisi harus bilangan positif, mis. 0,01 untuk dua desimal atau 1 untuk bilangan bulat.';
    case 'non-finite-edge':
      return `Pita ${named(a)} punya batas yang bukan angka.`;
    case 'inverted-band':
      return `Pita ${named(a)} mulai di ${num(x)} tetapi berakhir di ${num(y)}: batas bawah di atas batas atas.`;
    case 'empty-band':
      return `Pita ${named(a)} hanya titik ${num(x)} tetapi tidak memuatnya: jadikan kedua batas inklusif.`;
    case 'edge-off-precision':
      return `Pita ${named(a)} punya batas ${num(x)}, lebih halus dari presisi versi ini; perbaiki batas atau presisinya.`;
    case 'duplicate-code':
      return `Dua pita memakai kode "${a}"; kode harus unik dalam satu versi.`;
    case 'empty-code':
      return 'Ada pita tanpa kode; setiap pita butuh kode, mis. "A".';
    case 'gap':
      return `Ada celah antara pita ${named(a)} dan ${named(b)} (${num(x)}–${num(y)}): skor di celah itu tidak mendapat nilai. Sambungkan batasnya.`;
    case 'overlap':
      return `Pita ${named(a)} dan ${named(b)} tumpang-tindih ${x === y ? `di ${num(x)}` : `dari ${num(x)} sampai ${num(y)}`}: satu skor hanya boleh masuk satu pita. Jadikan salah satu batas eksklusif atau geser batasnya.`;
    case 'ordinal-missing':
      return `Pita ${named(a)} butuh peringkat (ordinal) bilangan bulat pada skala ordinal.`;
    case 'duplicate-ordinal':
      return `Pita ${named(a)} dan ${named(b)} punya peringkat yang sama (${num(x)}).`;
    case 'bad-years':
      return `Versi ${v} mulai berlaku ${num(x)} tetapi berakhir ${num(y)}: tahun mulai setelah tahun akhir.`;
    case 'duplicate-version':
      return `Skala ini sudah punya versi bernama "${v}"; pakai nama versi lain.`;
    case 'versions-overlap':
      return `Tahun berlaku versi "${p.versions?.[0]}" dan "${p.versions?.[1]}" tumpang-tindih (${x === y ? num(x) : years(x, y)}): satu tahun hanya boleh diatur satu versi. Akhiri versi lama lebih dulu (isi tahun terakhirnya) atau ubah tahunnya.`;
  }
}

/** API error details for a list of problems: Indonesian message, English detail, structure. */
export function problemDetails(problems: readonly ScaleProblem[], version?: ScaleVersion): ErrorDetail[] {
  return problems.map((p) => ({
    field: p.code === 'versions-overlap' || p.code === 'bad-years' ? 'validFromYear' : 'bands',
    message: problemMessage(p, version),
    detail: p.message,
    code: p.code,
    ...(p.bands ? { bands: p.bands } : {}),
    ...(p.versions ? { versions: p.versions } : {}),
    ...(p.at ? { at: p.at } : {}),
  }));
}

/** A grading error in Indonesian (the English one stays in `detail`). */
export function gradeErrorMessage(e: GradeError): string {
  switch (e.kind) {
    case 'no-version-for-year': {
      const have = e.available.map((v) => `versi ${v.version}: ${years(v.validFromYear, v.validToYear)}`);
      return `Skala ${e.scale} tidak punya versi untuk tahun ${e.year}${have.length ? ` (tersedia ${have.join('; ')})` : ''}.`;
    }
    case 'score-outside-bands':
      return `Nilai ${num(e.score)} di luar semua pita skala ${e.scale} versi ${e.version} (rentang ${e.minInclusive ? '[' : '('}${num(e.min)}; ${num(e.max)}${e.maxInclusive ? ']' : ')'}); periksa nilainya.`;
    case 'invalid-score':
      return 'Nilai harus berupa angka, mis. 94,76.';
    case 'invalid-year':
      return 'Tahun harus bilangan bulat empat digit, mis. 2024.';
    case 'wrong-scale-kind':
      return e.expected === 'ordinal'
        ? `Skala ${e.scale} menilai opini (mis. WTP), bukan angka: kirim "opinion".`
        : `Skala ${e.scale} menilai angka: kirim "score", bukan "opinion".`;
    case 'unknown-opinion':
      return `Opini "${e.input}" tidak dikenal; pilih salah satu: ${e.valid.join(', ')}.`;
  }
}
