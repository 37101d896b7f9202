/**
 * The most awards one report lists. A PDF cannot be streamed: its pages are laid out and kept
 * until the footers ("page n of m") are written, so a report over every award of a national
 * database would hold thousands of pages. A region's year is far below this; above it the
 * report is refused with a message pointing to the list as Excel or CSV, which are streamed.
 */
export const REPORT_MAX_AWARDS = 5000;
