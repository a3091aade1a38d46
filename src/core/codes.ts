/**
 * Every issue code the tool can report, with what causes it and how to fix it.
 * docs/errors.md is checked against this table by test/docs/errors-doc.test.ts.
 */
export const ISSUE_CODES = {
  FILE_MISSING: { cause: 'A required input file does not exist or is not a file.', fix: 'Check the model folder and the file names in the README table.' },
  INVALID_ENCODING: { cause: 'A file is not UTF-8 text (often a CSV saved by Excel in Windows-1252, or a file that is not text at all).', fix: 'Save it as UTF-8: in Excel, "CSV UTF-8 (Comma delimited)".' },
  FILE_TOO_LARGE: { cause: 'A file is larger than the input limit (128 MiB unless HIGHNEEDS_MAX_FILE_BYTES says otherwise).', fix: 'Split the file, or raise the limit for the run if the machine has the memory.' },
  TOO_MANY_ROWS: { cause: 'A CSV file has more data rows than the limit (5,000,000 unless HIGHNEEDS_MAX_ROWS says otherwise).', fix: 'Split the file, or raise the limit for the run.' },
  FIELD_TOO_LONG: { cause: 'A CSV cell is longer than the limit (4,096 characters unless HIGHNEEDS_MAX_FIELD_CHARS says otherwise), usually after an unbalanced quote.', fix: 'Look for a stray or missing quote; raise the limit only for genuinely long text.' },
  CSV_MALFORMED: { cause: 'A CSV file cannot be parsed (an unclosed quote, a stray quote, a binary file).', fix: 'Open the file in a text editor at the line given and correct the quoting.' },
  COLUMN_COUNT: { cause: 'A CSV row has more or fewer fields than the header.', fix: 'Remove stray commas or quote values that contain commas.' },
  DUPLICATE_COLUMN: { cause: 'A CSV header names the same column twice.', fix: 'Rename or remove one of the columns.' },
  MISSING_COLUMN: { cause: 'A required CSV column is absent from the header.', fix: 'Add the column; the hint lists the expected columns.' },
  UNKNOWN_COLUMN: { cause: 'A CSV column is not one the tool reads (warning; the column is ignored).', fix: 'Check the spelling or remove the column.' },
  MISSING_VALUE: { cause: 'A required cell or JSON field is empty or absent.', fix: 'Fill in the value.' },
  JSON_MALFORMED: { cause: 'A JSON file is not valid JSON, or has a duplicate key.', fix: 'Correct the syntax at the line and column given.' },
  INVALID_FIELD: { cause: 'A JSON field has the wrong type or an unknown value.', fix: 'Use the type shown in the hint (amounts and rates are decimal strings).' },
  INVALID_NUMBER: { cause: 'A value is not a plain decimal number (for example "1.2E+04", "N/A" or "£1,000").', fix: 'Write the number as plain digits with an optional point: 12000.50.' },
  NEGATIVE_VALUE: { cause: 'A count, rate, amount or place number that must not be negative is negative.', fix: 'Correct the value; balances and funding lines may be negative only where the README says so.' },
  RATE_ABOVE_ONE: { cause: 'A ceasing or transition rate is above 1 (100%).', fix: 'Rates are shares: 0.05 means 5%.' },
  TRANSITIONS_EXCEED_ONE: { cause: 'Transition rates leaving one (ncy, setting) add up to more than 1.', fix: 'Reduce the rates so that no more than all continuing plans move.' },
  NCY_OUT_OF_RANGE: { cause: 'A national curriculum year is not a whole number from -3 to 20.', fix: 'Use NCY -3 to 20 (age at 31 August = NCY + 4).' },
  UNKNOWN_NEED: { cause: 'A primary need is not a SEN2 code.', fix: 'Use one of ASD, HI, MLD, MSI, OTH, PD, PMLD, SEMH, SLCN, SLD, SpLD, VI, DS (any case).' },
  UNKNOWN_SETTING: { cause: 'A setting is not declared in the tariff.', fix: 'Use a setting id from the tariff\'s "settings", or declare it there.' },
  UNKNOWN_BAND: { cause: 'A band has no rate at all for that setting in the tariff.', fix: 'Use a band that the tariff prices for the setting, or add rates for it.' },
  NO_RATE_IN_FORCE: { cause: 'A setting and band that pupils occupy has no tariff rate in force on the 1st of a month the projection costs.', fix: 'Add a rate with an earlier effectiveFrom, or one for need "*".' },
  DUPLICATE_TARIFF_ROW: { cause: 'Two tariff rates share the same setting, band, need and effectiveFrom.', fix: 'Keep one row per key and date.' },
  DUPLICATE_SETTING: { cause: 'A tariff declares the same setting id twice.', fix: 'Keep one declaration per setting id.' },
  DUPLICATE_ROW: { cause: 'Two rows give the same key where only one is allowed (a ceasing rule, places for a year, an HNB allocation or opening balance).', fix: 'Keep one row, or add the amounts yourself.' },
  INVALID_DATE: { cause: 'A date is not a real calendar date written YYYY-MM-DD (or an uplift day not MM-DD).', fix: 'Write dates as 2025-04-01.' },
  INVALID_YEAR: { cause: 'An academic year is not written 2025/26, or a financial year not 2026-27.', fix: 'Academic years use a slash (2025/26); financial years a hyphen (2026-27).' },
  AREA_MISMATCH: { cause: 'A cohort row\'s area differs from area.code in model.json.', fix: 'Split national files per area, or correct the code.' },
  HORIZON_BEFORE_BASE: { cause: 'The horizon is before the first projected financial year.', fix: 'For baseYear 2025/26 the first projected financial year is 2026-27; set horizon to that or later.' },
  UNKNOWN_FUNDING_LINE: { cause: 'A funding.csv line is not one of the known funding lines.', fix: 'Use opening_balance, hnb_allocation, block_transfer, safety_valve, la_contribution or other_income.' },
  MISSING_OPENING_BALANCE: { cause: 'funding.csv has no opening_balance row.', fix: 'Add one row: the cumulative high-needs DSG balance at the end of the base financial year (negative = deficit).' },
  OPENING_BALANCE_YEAR: { cause: 'The opening_balance row is not for the financial year before the first projected one.', fix: 'Give the balance at the end of the base financial year shown in the hint.' },
  MISSING_HNB_ALLOCATION: { cause: 'A projected financial year has no high-needs block allocation given or earlier one to grow from.', fix: 'Add an hnb_allocation row for the first projected year or earlier.' },
  YEAR_OUT_OF_RANGE: { cause: 'A row is for a year outside the projection (warning; the row is ignored).', fix: 'Check the year, or extend the horizon.' },
  PLACES_NOT_FUNDED: { cause: 'places.csv gives places for a setting whose tariff placeValue is 0 (warning; they cost nothing).', fix: 'Check the setting, or its placeValue in the tariff.' },
  EMPTY_COHORT: { cause: 'cohort.csv has no pupils (warning).', fix: 'Check that the right file was exported.' },
} as const satisfies Record<string, { cause: string; fix: string }>;

export type IssueCode = keyof typeof ISSUE_CODES;
