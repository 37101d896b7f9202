import { AWARD_LEVELS } from '../../reference/unit-types.ts';
import { type Locale, type Words, words } from '../i18n.ts';

// The award's fields, declared once. Every channel that reads or writes an award takes its
// fields from here: the zod schemas (and so the OpenAPI document), the row <-> award mapping,
// the web form, the spreadsheet import and its template, the CSV/XLSX exports and the open-data
// dictionary. Adding a field to an award is a migration plus one entry in AWARD_FIELDS (see the
// README, "Adding a field to an award").
//
// Two kinds of entries:
// - a *value* field holds one value in one `awards` column (title, place, score …); every
//   channel handles it from this declaration alone;
// - a *reference* field points at another table (giver, field, unit, team) or is computed on
//   write (grade); the catalogue gives its words, columns and headers, the award service
//   resolves it (services/awards/references.ts, services/grading.ts).

export type { Words };

export type ValueType = 'text' | 'integer' | 'number' | 'date' | 'boolean' | 'choice';

/** Where the award form shows a field: the fieldset, and fields sharing `row` sit side by side. */
export interface FormPlace {
  section: 'award' | 'recipient' | 'result' | 'details';
  row?: string;
  /** The input; 'giver', 'team' and 'grade' are the form's own widgets for those references. */
  widget: 'text' | 'textarea' | 'number' | 'date' | 'select' | 'checkbox' | 'giver' | 'team' | 'grade';
}

/** A spreadsheet column: the header the template and exports write, and how offices head it. */
export interface ImportColumn {
  header: string;
  aliases: readonly string[];
  /** One line for the template's explanation sheet and the docs. */
  help: string;
  example: string | number;
}

/** A column of the open-data table (Frictionless table schema types). */
export interface OpenColumn {
  name: string;
  type: 'integer' | 'number' | 'string' | 'date' | 'boolean';
  description: Words;
}

interface Common {
  /** The name in the API, the form and the code (camelCase). */
  key: string;
  /** The form's label. */
  label: Words;
  /**
   * The name in a fact list, a table heading or a history line, when shorter than the form's
   * label ('Dasar hukum' beside 'Dasar hukum (SK/Keppres)'). Read it through fieldName().
   */
  short?: Words;
  hint?: Words;
  /** Shown on the public pages and in open data. */
  public: boolean;
  /** The spreadsheet column (import template, CSV/XLSX exports); null when there is none. */
  sheet: ImportColumn | null;
  /** The open-data columns it fills (none when it is not public). */
  open: readonly OpenColumn[];
}

export interface ValueField extends Common {
  kind: 'value';
  /** The `awards` column. */
  column: string;
  type: ValueType;
  /** Required on create; a PATCH may still leave it out. */
  required?: boolean;
  min?: number;
  max?: number;
  /** For 'choice': the codes stored, and what a person reads for each. */
  choices?: readonly string[];
  choiceWords?: Readonly<Record<string, Words>>;
  /** The message when a required value is missing or too short (Indonesian, says how to fix it). */
  message?: string;
  /** What a required field holds when it is left out (isPublic: yes, recipientKind: region). */
  default?: string | boolean;
  /** Where the form shows it; null when the form does not (the service derives it). */
  form: FormPlace | null;
}

export interface ReferenceField extends Common {
  kind: 'reference';
  /** The `awards` columns it fills (read-only for a computed one). */
  columns: readonly string[];
  /** What the API accepts for it (several ways to name a giver). */
  inputs: readonly string[];
  form: FormPlace | null;
}

export type AwardFieldDecl = ValueField | ReferenceField;

const w = words;
const open = (name: string, type: OpenColumn['type'], id: string, en: string): OpenColumn => ({
  name,
  type,
  description: { id, en },
});

export const RECIPIENT_KINDS = ['region', 'unit', 'team'] as const;

export const AWARD_FIELDS = [
  {
    kind: 'value',
    key: 'title',
    column: 'title',
    type: 'text',
    required: true,
    min: 3,
    max: 300,
    message: 'Judul penghargaan wajib diisi (minimal 3 karakter)',
    short: w('Judul', 'Title'),
    label: w('Judul penghargaan', 'Award title'),
    hint: w(
      'Seperti tertulis di sertifikat, mis. "Opini Kualitas Tertinggi Kepatuhan Pelayanan Publik"',
      'As on the certificate',
    ),
    public: true,
    form: { section: 'award', widget: 'text' },
    sheet: {
      header: 'Judul',
      aliases: [
        'Nama Penghargaan',
        'Judul Penghargaan',
        'Penghargaan',
        'Uraian Penghargaan',
        'Jenis Penghargaan',
        'Nama',
        'Title',
        'Award',
        'Award Title',
      ],
      help: 'Nama penghargaan seperti tertulis di piagam. Wajib.',
      example: 'Penghargaan Kota Sehat Swasti Saba Wistara',
    },
    open: [open('judul', 'string', 'Nama penghargaan', 'Award title')],
  },
  {
    kind: 'value',
    key: 'programme',
    column: 'programme',
    type: 'text',
    max: 300,
    label: w('Program / ajang', 'Programme'),
    hint: w('mis. SPM Awards', 'e.g. SPM Awards'),
    public: true,
    form: { section: 'award', row: 'programme', widget: 'text' },
    sheet: {
      header: 'Program',
      aliases: ['Nama Program', 'Ajang', 'Kegiatan', 'Programme', 'Program Name'],
      help: 'Ajang atau program penilaian yang berulang tiap tahun (untuk tren dan rentetan).',
      example: 'Kabupaten/Kota Sehat',
    },
    open: [open('program', 'string', 'Program atau ajang penilaian', 'Programme')],
  },
  {
    kind: 'value',
    key: 'editionYear',
    column: 'edition_year',
    type: 'integer',
    required: true,
    min: 1945,
    max: 2100,
    message: 'Tahun edisi wajib diisi, mis. 2025',
    label: w('Tahun edisi', 'Edition year'),
    public: true,
    form: { section: 'award', row: 'programme', widget: 'number' },
    sheet: {
      header: 'Tahun',
      aliases: ['Tahun Edisi', 'Edisi', 'Tahun Penilaian', 'Year', 'Edition Year'],
      help: 'Tahun edisi penilaian (4 angka). Boleh kosong jika Tanggal diisi: diambil dari tanggal.',
      example: 2025,
    },
    open: [open('tahun', 'integer', 'Tahun edisi/penilaian', 'Edition or assessment year')],
  },
  {
    kind: 'reference',
    key: 'awardingBody',
    columns: ['awarding_body_id'],
    inputs: ['awardingBodyId', 'awardingBodyCode'],
    form: { section: 'award', row: 'giver', widget: 'giver' },
    short: w('Pemberi', 'Awarding body'),
    label: w('Pemberi penghargaan', 'Awarding body'),
    hint: w(
      'Ketik singkatan, nama atau nama lama (mis. Kominfo → Komdigi).',
      'Type an abbreviation, name or former name.',
    ),
    public: true,
    sheet: {
      header: 'Pemberi',
      aliases: [
        'Pemberi Penghargaan',
        'Instansi Pemberi',
        'Penyelenggara',
        'Lembaga Pemberi',
        'Giver',
        'Awarding Body',
        'Awarded By',
      ],
      help: 'Nama, singkatan atau kode pemberi (Kemendagri, BKN, Kementerian Kesehatan …).',
      example: 'Kemenkes',
    },
    open: [
      open('kode_pemberi', 'string', 'Kode pemberi (lihat referensi pemberi)', 'Awarding body code'),
      open('pemberi', 'string', 'Nama pemberi penghargaan', 'Awarding body name'),
    ],
  },
  {
    kind: 'value',
    key: 'awardingBodyText',
    column: 'awarding_body_text',
    type: 'text',
    max: 300,
    label: w('Nama pemberi seperti tertulis', 'Giver as written'),
    public: true,
    form: { section: 'award', row: 'giver', widget: 'text' },
    sheet: {
      header: 'Pemberi Tertulis',
      aliases: ['Nama Pemberi Tertulis', 'Pemberi Seperti Tertulis', 'Giver As Written'],
      help: 'Nama pemberi seperti tertulis di piagam, bila tidak ada di daftar pemberi.',
      example: '',
    },
    open: [open('pemberi_tertulis', 'string', 'Nama pemberi seperti tertulis', 'Giver as written')],
  },
  {
    kind: 'value',
    key: 'level',
    column: 'level',
    type: 'choice',
    choices: AWARD_LEVELS,
    choiceWords: {
      internasional: w('Internasional', 'International'),
      nasional: w('Nasional', 'National'),
      regional: w('Regional', 'Regional'),
      provinsi: w('Provinsi', 'Provincial'),
      'kabupaten/kota': w('Kabupaten/Kota', 'Regency/City'),
    },
    message: `Tingkat harus salah satu dari: ${AWARD_LEVELS.join(', ')}`,
    label: w('Tingkat', 'Level'),
    public: true,
    form: { section: 'award', row: 'level', widget: 'select' },
    sheet: {
      header: 'Tingkat',
      aliases: ['Tingkat Penghargaan', 'Level', 'Lingkup'],
      help: 'Internasional, Nasional, Regional, Provinsi atau Kabupaten/Kota.',
      example: 'Nasional',
    },
    open: [
      open('tingkat', 'string', 'internasional | nasional | regional | provinsi | kabupaten/kota', 'Level'),
    ],
  },
  {
    kind: 'reference',
    key: 'field',
    columns: ['field_id'],
    inputs: ['fieldId', 'fieldCode'],
    form: { section: 'award', row: 'level', widget: 'select' },
    label: w('Bidang', 'Field'),
    public: true,
    sheet: {
      header: 'Bidang',
      aliases: ['Urusan', 'Sektor', 'Field', 'Sector'],
      help: 'Kode atau nama bidang (lihat daftar di bawah).',
      example: 'Kesehatan',
    },
    open: [
      open('kode_bidang', 'string', 'Kode bidang (lihat referensi bidang)', 'Field code'),
      open('bidang', 'string', 'Nama bidang', 'Field (Indonesian name)'),
    ],
  },
  {
    kind: 'value',
    key: 'category',
    column: 'category',
    type: 'text',
    max: 200,
    label: w('Kategori', 'Category'),
    hint: w('mis. kategori kota', 'e.g. city category'),
    public: true,
    form: { section: 'award', row: 'level', widget: 'text' },
    sheet: {
      header: 'Kategori',
      aliases: ['Category', 'Klaster'],
      help: 'Kategori dalam ajang (mis. Kategori Kota Besar).',
      example: 'Swasti Saba Wistara',
    },
    open: [open('kategori', 'string', 'Kategori dalam ajang', 'Category')],
  },
  {
    kind: 'value',
    key: 'recipientKind',
    column: 'recipient_kind',
    type: 'choice',
    required: true,
    choices: RECIPIENT_KINDS,
    choiceWords: { region: w('Pemda', 'Region'), unit: w('Unit', 'Unit'), team: w('Tim', 'Team') },
    default: 'region',
    message: 'recipientKind: region, unit atau team',
    label: w('Jenis penerima', 'Recipient kind'),
    public: true,
    form: { section: 'recipient', widget: 'select' },
    sheet: {
      header: 'Jenis Penerima',
      aliases: ['Recipient Kind', 'Jenis'],
      help: 'Pemda, Unit atau Tim. Boleh kosong: ditebak dari Penerima dan Tim.',
      example: 'Unit',
    },
    open: [open('jenis_penerima', 'string', 'region (pemda) | unit | team (tim)', 'Recipient kind')],
  },
  {
    kind: 'reference',
    key: 'unit',
    columns: ['unit_id', 'unit_path'],
    inputs: ['unitId'],
    form: { section: 'recipient', widget: 'select' },
    short: w('Penerima', 'Recipient'),
    label: w('Unit', 'Unit'),
    public: true,
    sheet: {
      header: 'Penerima',
      aliases: [
        'Penerima/Unit',
        'Unit',
        'Unit Kerja',
        'Unit Penerima',
        'OPD',
        'Perangkat Daerah',
        'SKPD',
        'Recipient',
      ],
      help: 'Nama atau singkatan unit penerima; nama pemda (mis. Kota Tangerang) untuk penghargaan pemda.',
      example: 'Dinas Kesehatan',
    },
    open: [
      open('kode_unit', 'integer', 'Kode unit penerima (lihat referensi unit)', 'Recipient unit code'),
      open('unit', 'string', 'Nama unit penerima', 'Recipient unit'),
    ],
  },
  {
    kind: 'value',
    key: 'recipientNote',
    column: 'recipient_note',
    type: 'text',
    max: 500,
    label: w('Catatan penerima', 'Recipient note'),
    public: true,
    form: { section: 'recipient', widget: 'text' },
    sheet: {
      header: 'Catatan Penerima',
      aliases: ['Keterangan Penerima', 'Recipient Note'],
      help: 'Penerima seperti tertulis bila perlu dijelaskan (mis. "Kecamatan Ciledug dan Larangan").',
      example: '',
    },
    open: [open('catatan_penerima', 'string', 'Catatan tentang penerima', 'Recipient note')],
  },
  {
    kind: 'reference',
    key: 'team',
    columns: [],
    inputs: ['team'],
    form: { section: 'recipient', widget: 'team' },
    label: w('Anggota tim', 'Team members'),
    public: true,
    sheet: {
      header: 'Tim',
      aliases: ['Anggota Tim', 'Team', 'Team Members'],
      help: 'Untuk penghargaan bersama: unit atau nama orang, dipisah titik koma (;); peran dalam kurung, mis. Dinas Kesehatan (Ketua); dr. Ani (Anggota).',
      example: '',
    },
    open: [
      open(
        'tim',
        'string',
        'Anggota tim (unit atau orang, peran dalam kurung), dipisah titik koma',
        'Team members (unit or person, role in brackets), separated by semicolons',
      ),
    ],
  },
  {
    kind: 'value',
    key: 'receivedOn',
    column: 'received_on',
    type: 'date',
    label: w('Tanggal diterima', 'Date received'),
    public: true,
    form: { section: 'result', row: 'received', widget: 'date' },
    sheet: {
      header: 'Tanggal',
      aliases: [
        'Tanggal Diterima',
        'Tanggal Penyerahan',
        'Tanggal Penerimaan',
        'Tgl',
        'Tgl Diterima',
        'Tgl Penyerahan',
        'Tgl Penerimaan',
        'Date',
        'Received On',
        'Date Received',
      ],
      help: 'Tanggal diterima: 23/5/2025, 23-05-2025, 2025-05-23, 30 Desember 2025, 9 Okt 2025 atau sel tanggal Excel.',
      example: '12/11/2025',
    },
    open: [open('tanggal_diterima', 'date', 'Tanggal diterima (YYYY-MM-DD)', 'Date received (YYYY-MM-DD)')],
  },
  {
    kind: 'value',
    key: 'place',
    column: 'place',
    type: 'text',
    max: 300,
    label: w('Tempat', 'Place'),
    public: true,
    form: { section: 'result', row: 'received', widget: 'text' },
    sheet: {
      header: 'Tempat',
      aliases: ['Lokasi', 'Tempat Penyerahan', 'Place', 'Location'],
      help: 'Tempat penyerahan.',
      example: 'Jakarta',
    },
    open: [open('tempat', 'string', 'Tempat penyerahan', 'Place')],
  },
  {
    kind: 'value',
    key: 'rank',
    column: 'rank',
    type: 'text',
    max: 100,
    short: w('Peringkat', 'Rank'),
    label: w('Peringkat / juara', 'Rank'),
    hint: w('mis. Juara 1, Peringkat II', 'e.g. 1st place'),
    public: true,
    form: { section: 'result', row: 'rank', widget: 'text' },
    sheet: {
      header: 'Peringkat',
      aliases: ['Juara', 'Rank', 'Ranking'],
      help: 'Peringkat atau juara, mis. Juara 1, Terbaik II.',
      example: '',
    },
    open: [open('peringkat', 'string', 'Peringkat atau juara', 'Rank')],
  },
  {
    kind: 'value',
    key: 'rankPosition',
    column: 'rank_position',
    type: 'integer',
    min: 1,
    max: 10000,
    label: w('Peringkat (angka)', 'Rank (number)'),
    public: true,
    form: { section: 'result', row: 'rank', widget: 'number' },
    sheet: {
      header: 'Urutan Peringkat',
      aliases: ['Peringkat (angka)', 'Rank Position'],
      help: 'Peringkat sebagai angka (1 = juara 1). Boleh kosong: dibaca dari Peringkat.',
      example: '',
    },
    open: [open('urutan_peringkat', 'integer', 'Peringkat sebagai angka (1 = juara 1)', 'Rank position')],
  },
  {
    kind: 'value',
    key: 'scaleId',
    column: 'scale_id',
    type: 'text',
    max: 60,
    short: w('Skala', 'Scale'),
    label: w('Skala penilaian', 'Grading scale'),
    public: true,
    form: { section: 'result', row: 'grade', widget: 'select' },
    sheet: {
      header: 'Skala',
      aliases: ['Skala Penilaian', 'Scale', 'Scale Id'],
      help: 'Kode skala penilaian (mis. ombudsman-kepatuhan, sakip, bpk-opini) agar predikat dihitung otomatis.',
      example: '',
    },
    open: [open('kode_skala', 'string', 'Kode skala penilaian', 'Grading scale code')],
  },
  {
    kind: 'value',
    key: 'score',
    column: 'score',
    type: 'number',
    short: w('Nilai', 'Score'),
    label: w('Skor', 'Score'),
    hint: w('Koma atau titik, mis. 94,76', 'Comma or point, e.g. 94.76'),
    public: true,
    form: { section: 'result', row: 'grade', widget: 'number' },
    sheet: {
      header: 'Nilai',
      aliases: ['Skor', 'Indeks', 'Score', 'Value'],
      help: 'Nilai penilaian, koma atau titik desimal: 94,76 atau 94.76.',
      example: '',
    },
    open: [open('nilai', 'number', 'Nilai penilaian (titik sebagai pemisah desimal)', 'Score (dot decimal)')],
  },
  {
    kind: 'value',
    key: 'statusLabel',
    column: 'status_label',
    type: 'text',
    max: 100,
    short: w('Status', 'Status'),
    label: w('Status / predikat', 'Status label'),
    hint: w('mis. WTP, WBK', 'e.g. WTP'),
    public: true,
    form: { section: 'result', row: 'grade', widget: 'text' },
    sheet: {
      header: 'Predikat',
      aliases: ['Predikat/Status', 'Status', 'Opini', 'Kategori Nilai', 'Status Label', 'Grade'],
      help: 'Predikat atau status (WTP, Zona Hijau, Madya …).',
      example: '',
    },
    open: [open('status', 'string', 'Predikat/status tertulis (mis. WTP)', 'Status as written (e.g. WTP)')],
  },
  {
    kind: 'reference',
    key: 'grade',
    columns: ['scale_version', 'grade_code', 'grade_label', 'grade_zone'],
    inputs: [],
    form: { section: 'result', widget: 'grade' },
    short: w('Predikat', 'Grade'),
    label: w('Hasil penilaian', 'Grade'),
    public: true,
    sheet: null,
    open: [
      open('versi_skala', 'string', 'Versi skala yang berlaku', 'Scale version in force'),
      open('predikat', 'string', 'Predikat hasil skala', 'Grade by the scale'),
      open('zona', 'string', 'Zona warna skala (hijau, kuning, merah …)', 'Zone of the scale'),
    ],
  },
  {
    kind: 'value',
    key: 'legalBasis',
    column: 'legal_basis',
    type: 'text',
    max: 300,
    short: w('Dasar hukum', 'Legal basis'),
    label: w('Dasar hukum (SK/Keppres)', 'Legal basis'),
    public: true,
    form: { section: 'details', widget: 'text' },
    sheet: {
      header: 'Dasar Hukum',
      aliases: ['SK', 'Nomor SK', 'No SK', 'Legal Basis'],
      help: 'Nomor SK atau dasar hukum penghargaan.',
      example: '',
    },
    open: [open('dasar_hukum', 'string', 'Nomor SK/dasar hukum', 'Legal basis')],
  },
  {
    kind: 'value',
    key: 'description',
    column: 'description',
    type: 'text',
    max: 5000,
    label: w('Uraian', 'Description'),
    public: true,
    form: { section: 'details', widget: 'textarea' },
    sheet: {
      header: 'Keterangan',
      aliases: ['Deskripsi', 'Catatan', 'Uraian', 'Ket', 'Ket.', 'Description', 'Notes'],
      help: 'Keterangan bebas.',
      example: 'Diserahkan oleh Menteri Kesehatan',
    },
    open: [open('uraian', 'string', 'Uraian penghargaan', 'Description')],
  },
  {
    kind: 'value',
    key: 'seriesKey',
    column: 'series_key',
    type: 'text',
    max: 200,
    label: w('Seri penilaian', 'Assessment series'),
    public: true,
    form: null,
    sheet: {
      header: 'Seri',
      aliases: ['Kunci Seri', 'Series', 'Series Key'],
      help: 'Kunci seri (penilaian yang sama lintas tahun). Boleh kosong: dibentuk dari pemberi dan program.',
      example: '',
    },
    open: [open('seri', 'string', 'Kunci seri (penilaian yang sama lintas tahun)', 'Series key')],
  },
  {
    kind: 'value',
    key: 'isPublic',
    column: 'is_public',
    type: 'boolean',
    required: true,
    default: true,
    short: w('Etalase publik', 'Public showcase'),
    label: w(
      'Tampilkan di etalase publik setelah terverifikasi',
      'Show on the public showcase once verified',
    ),
    public: false,
    form: { section: 'details', widget: 'checkbox' },
    sheet: {
      header: 'Publik',
      aliases: ['Tampil Publik', 'Tampilkan', 'Public', 'Is Public'],
      help: 'Ya atau Tidak: boleh tampil di halaman publik dan data terbuka (kosong = Ya).',
      example: 'Ya',
    },
    open: [],
  },
] as const satisfies readonly AwardFieldDecl[];

export type AwardFieldEntry = (typeof AWARD_FIELDS)[number];
export type AwardFieldKey = AwardFieldEntry['key'];
export type ValueEntry = Extract<AwardFieldEntry, { kind: 'value' }>;
export type ValueFieldKey = ValueEntry['key'];
export type ReferenceFieldKey = Extract<AwardFieldEntry, { kind: 'reference' }>['key'];

type TypeOf<F> = F extends { type: 'text' | 'date' }
  ? string
  : F extends { type: 'integer' | 'number' }
    ? number
    : F extends { type: 'boolean' }
      ? boolean
      : F extends { type: 'choice'; choices: readonly (infer C)[] }
        ? C
        : never;

/** The value fields of a stored award, typed from the catalogue (required ones never null). */
export type AwardValues = {
  [F in ValueEntry as F['key']]: F extends { required: true } ? TypeOf<F> : TypeOf<F> | null;
};

/** The value fields, for the code that walks them (row mapping, form, import, exports). */
export const VALUE_FIELDS: readonly ValueField[] = AWARD_FIELDS.filter(
  (f): f is ValueEntry => f.kind === 'value',
);

/** Every field that has a spreadsheet column, in the column order of the template and exports. */
export const SHEET_FIELDS: readonly (AwardFieldDecl & { sheet: ImportColumn })[] = AWARD_FIELDS.filter(
  (f) => f.sheet !== null,
) as (AwardFieldDecl & { sheet: ImportColumn })[];

export const fieldByKey = (key: string): AwardFieldDecl | undefined =>
  (AWARD_FIELDS as readonly AwardFieldDecl[]).find((f) => f.key === key);

/** The catalogue field an API input names: 'legalBasis' → legalBasis, 'awardingBodyCode' → awardingBody. */
export function fieldForInput(input: string): AwardFieldDecl | undefined {
  return (AWARD_FIELDS as readonly AwardFieldDecl[]).find((f) =>
    f.kind === 'value' ? f.key === input : f.inputs.includes(input),
  );
}

/** The catalogue field that stores a column: 'legal_basis' → legalBasis. */
export function fieldForColumn(column: string): AwardFieldDecl | undefined {
  return (AWARD_FIELDS as readonly AwardFieldDecl[]).find((f) =>
    f.kind === 'value' ? f.column === column : f.columns.includes(column),
  );
}

/**
 * What pages call a field: the award page, the showcase and the history line all take the
 * names from here ('receivedOn' → 'Tanggal diterima' / 'Date received').
 */
export function fieldName(key: AwardFieldKey, locale: Locale): string {
  const f = fieldByKey(key)!;
  return (f.short ?? f.label)[locale];
}

/** The name of the field that stores a column, for history lines ('legal_basis' → 'Dasar hukum'). */
export function columnName(column: string, locale: Locale): string {
  const f = fieldForColumn(column);
  return f ? (f.short ?? f.label)[locale] : column;
}
