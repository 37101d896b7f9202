// Spreadsheet programs run a text cell that starts with = + - @ (or a tab or carriage return
// before one) as a formula: a title such as `=HYPERLINK("http://…")` typed by an operator or
// taken from the news would run on the computer of whoever opens the public CSV. Every CSV
// and XLSX the project writes passes its cells through this one function; a leading apostrophe
// makes the program show the text as text. Numbers and dates are typed values, left alone.

const FORMULA_START = /^[=+\-@\t\r]/;

export function defuseCell<T>(value: T): T | string {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/** A row of cells, each defused. */
export const defuseRow = <T>(row: readonly T[]): (T | string)[] => row.map(defuseCell);
