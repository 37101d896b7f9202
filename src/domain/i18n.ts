// How Prestasi speaks two languages: every sentence is written where it is shown, Indonesian
// first and English second — `tr(locale, 'Simpan', 'Save')`. There is no key dictionary.
//
// Why this form: a newcomer reads both languages at the place the words appear, finds the code
// behind a screen by searching for the sentence on it, and adds a page without inventing keys
// or opening a second file. A missing translation cannot happen: `tr` needs both phrases, so
// the compiler refuses a call without the English one. Text with numbers or names is a
// template literal in each language (`tr(l, `${n} penghargaan`, `${n} awards`)`).
//
// Words that belong to a code the database keeps (a level, a role, an award field, a zone) are
// declared once beside that code as a `Words` pair and read with `words[locale]`; the same two
// languages, the same type, checked the same way.

/** The reader's language: Bahasa Indonesia by default, English when asked. */
export type Locale = 'id' | 'en';

export const LOCALES: readonly Locale[] = ['id', 'en'];

export const DEFAULT_LOCALE: Locale = 'id';

/** One phrase in both languages, for tables of words keyed by a code. */
export type Words = Readonly<Record<Locale, string>>;

/** The phrase for the reader's language. Both are required: no screen is left half translated. */
export const tr = (locale: Locale, indonesian: string, english: string): string =>
  locale === 'en' ? english : indonesian;

/** A `Words` pair, written inline: `words('Tingkat', 'Level')`. */
export const words = (indonesian: string, english: string): Words => ({ id: indonesian, en: english });

/** Anything that is not exactly 'en' reads as Indonesian (query values, stored settings). */
export const toLocale = (value: string | null | undefined): Locale => (value === 'en' ? 'en' : 'id');
