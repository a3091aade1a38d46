/**
 * Every issue code the tool can report, with what causes it and how to fix it.
 * docs/errors.md is checked against this table by test/docs/errors-doc.test.ts.
 */
export const ISSUE_CODES = {
  FILE_MISSING: {
    cause:
      'A required input file does not exist, is not a regular file (a folder, a device such as /dev/zero, a pipe), cannot be read, or (required or optional) is a link to a file that does not exist.',
    fix: "Check the model folder and the file names in the README table. A --help example's fixtures (fixtures/example, fixtures/national, fixtures/nff, fixtures/history), run from another folder, are highneeds' own: the hint gives the full path.",
  },
  FILE_NOT_READ: {
    cause:
      "An optional table of the model folder is missing, and a file named like it is there instead (Places.csv, places (1).csv, new_plans.csv, or a workbook, places.xlsx), which is not read: the table's figures are left out (warning; for a required table, FILE_MISSING's hint names the file).",
    fix: 'Rename the file to the name the model reads, or save the workbook from the spreadsheet as "CSV UTF-8 (Comma delimited)" under that name; or move it out of the folder if it is not the table.',
  },
  TEMPLATE_ROWS: {
    cause:
      'A table of the model folder (or of a national model whose areas.csv holds one area) is as `highneeds init` wrote it (byte for byte, or as a spreadsheet saves it again: with a byte order mark and CRLF line ends): its example rows (12 pupils in the cohort, a £600,000 allocation, a placeholder spend line, example rates) are read as figures, and the projection is of them (warning). Said too, once a table, where a table still begins with the example rows init wrote with rows added below them: the examples are read with the rows added.',
    fix: "Replace each example row with your own figures (the folder's README.md says what each column means and where it comes from), or delete the row if the table has none.",
  },
  PATH_OUTSIDE_MODEL: {
    cause:
      "model.json, a national model or areas.csv names a tariff or table outside the model folder and the tariff library (a path with .., an absolute path, or a link that leads out); or one of the model's own files (`model.json`, `cohort.csv` and the other tables, `scenarios.json`, `dsg-plan-map.csv`) is a symbolic link to a file outside the folder, as a model passed on in a tar or zip may hold. It is not read, so nothing of it can appear in a message or an output.",
    fix: 'Copy the file into the model folder (in place of the link), or name a table of the library by its id; if the file outside is meant, run with --allow-outside.',
  },
  INVALID_ENCODING: {
    cause:
      'A file is not text that can be read: not UTF-8, and, for a CSV, not Windows-1252 either (it holds a control character such as NUL, or a byte that code page has no character for: a compressed file, or another code page such as Mac Roman). A CSV that starts with UTF-8\'s byte-order mark, as "CSV UTF-8" does, is UTF-8: a byte in it that is not (a row pasted in from a file in another code page) is refused, with the character it is in Windows-1252. A CSV saved as "Unicode Text", which is UTF-16, is named as such, and a workbook, .xlsx or .xls, saved or renamed as .csv as one. A JSON input must be UTF-8 (RFC 8259), whatever its name (a tariff.json.txt too): one saved by Notepad as "ANSI" is refused with the character its stray byte is in Windows-1252.',
    fix: 'Save it as UTF-8: in Excel, "CSV UTF-8 (Comma delimited)"; in Notepad, Save As with Encoding "UTF-8".',
  },
  READ_AS_WINDOWS_1252: {
    cause:
      'A CSV is not UTF-8 but is text in Windows-1252, the code page Excel\'s "CSV (Comma delimited)" saves in on Windows ("£" is the byte 0xA3 there): it is read as Windows-1252, and the warning, at the first such byte, names the characters so read (warning).',
    fix: 'If the characters named are the ones meant, nothing needs doing; to be sure of every character, save the file as "CSV UTF-8 (Comma delimited)", and the warning goes.',
  },
  TEXT_MANGLED: {
    cause:
      'A CSV holds text a spreadsheet garbled by reading UTF-8 as Windows-1252 and saving it again: "Â£" for "£", "â€™" for "’", "â€“" for "–", "ï»¿" for the byte-order mark at the start of the header. In the header it is an error; in a cell, a warning.',
    fix: 'Take the file again from its source, open it in the spreadsheet with the character set "Unicode (UTF-8)", and save it as "CSV UTF-8"; or replace the garbled characters by hand.',
  },
  FILE_TOO_LARGE: {
    cause:
      'A file is larger than the input limit (128 MiB unless HIGHNEEDS_MAX_FILE_BYTES says otherwise), or a JSON input is larger than 16 MiB (its parse would take some 35 times that in memory).',
    fix: 'Split the file, or raise the limit for the run if the machine has the memory.',
  },
  TOO_MANY_ROWS: {
    cause:
      'A CSV file has more data rows than the limit (5,000,000 unless HIGHNEEDS_MAX_ROWS says otherwise).',
    fix: 'Split the file, or raise the limit for the run.',
  },
  FIELD_TOO_LONG: {
    cause:
      'A CSV cell is longer than the limit (4,096 characters unless HIGHNEEDS_MAX_FIELD_CHARS says otherwise), usually after an unbalanced quote.',
    fix: 'Look for a stray or missing quote; raise the limit only for genuinely long text.',
  },
  CSV_MALFORMED: {
    cause:
      'A CSV file cannot be parsed (an unclosed quote, a stray quote, a binary file, columns separated by tabs or semicolons rather than commas, a JSON file given where a table is read, such as `highneeds nff --format json` to `--hnb-from`). A stray quote is located at its cell, and the cell is shown as written: a quoted cell followed by more text before the comma ("1,600,000".00), or a quote inside a cell that does not start with one.',
    fix: 'Open the file in a text editor at the line given and correct the quoting.',
  },
  COLUMN_COUNT: {
    cause:
      'A CSV row has fewer fields than the header, or more whose extra fields are not all empty (a row that only ends in stray commas, as a spreadsheet writes when a cell to its right once held something, is read).',
    fix: 'Remove stray commas or quote values that contain commas.',
  },
  DUPLICATE_COLUMN: {
    cause: 'A CSV header names the same column twice.',
    fix: 'Rename or remove one of the columns.',
  },
  MISSING_COLUMN: {
    cause:
      'A required CSV column is absent from the header. In a national model of more than one area, a table of the quantities of each authority (`cohort.csv`, `new-plans.csv` when it gives counts, `places.csv`, `population.csv`, `capacity.csv`, `funding.csv`, `spend.csv`) must have an `area` column: without one, every area would be given every row (the whole national cohort, every area the same funding). A sheet saved with a title or blank lines above its table, whose column names are then on a later line, is one error at line 1 that names that line.',
    fix: 'Add the column; the hint lists the expected columns (for column names on a later line, delete the lines above them).',
  },
  UNKNOWN_COLUMN: {
    cause: 'A CSV column is not one the tool reads (warning; the column is ignored).',
    fix: 'Check the spelling or remove the column.',
  },
  UNREAD_COLUMN: {
    cause:
      'A CSV column is not one the tool reads, but looks like a slip for one the table does not have whose absence changes the figures: count, annual_cost, and in a national table area (counts or cnt for count, anual_cost or cost for annual_cost: at most two letters apart, or the end of the name, ignoring case, spaces, underscores and hyphens). A slip for any other column (Notes for note) is only the UNKNOWN_COLUMN warning, whose hint names that column, and one for a required column is named in the hint of the MISSING_COLUMN error. Or, in a national model, a table without an `area` column has a column not read whose cells are all codes of the areas table, its `area_code` or its `ons_code` or `la_code` (LA, la_code). Ignored, such a column would change the figures without a word (every row one pupil, every fee a tariff rate, every row for every area), so it is an error, not an UNKNOWN_COLUMN warning.',
    fix: 'Rename the column as the hint says (area for an area code); if it is another column, give it a name less like the one it was taken for.',
  },
  COLUMN_NORMALISED: {
    cause:
      'A CSV column is named as a spreadsheet user writes it, not as the docs spell it: with spaces or hyphens for underscores (annual cost, Annual-Cost), or `area_code` (the name areas.csv uses) for the `area` column of another table. It is read as that column, one warning per column (warning).',
    fix: 'Nothing, if the column is the one named; rename it as the docs spell it to silence it.',
  },
  MISSING_VALUE: {
    cause: 'A required cell or JSON field is empty or absent.',
    fix: 'Fill in the value.',
  },
  JSON_MALFORMED: {
    cause: 'A JSON file is not valid JSON, or has a duplicate key.',
    fix: 'Correct the syntax at the line and column given.',
  },
  JSON_TOO_DEEP: {
    cause:
      'A JSON file has arrays and objects nested more than 64 deep. No input the tool reads goes past a few levels, so this is a damaged or hostile file; it is refused before it can exhaust the stack.',
    fix: 'Check the file at the line and column given (the bracket that goes too deep); take it again from its source.',
  },
  UNKNOWN_KEY: {
    cause:
      'model.json, scenarios.json, a tariff or an NFF parameters file has a field the format does not define (often a misspelling, such as newPlanGrowth for newPlansGrowth, which would otherwise leave growth at 0).',
    fix: 'Correct the name; the hint lists the fields allowed at that place (README "The model folder", docs/scenarios.md, tariffs/README.md, docs/nff.md).',
  },
  UNKNOWN_REFERENCE: {
    cause:
      'A tariff setting or rate, or an NFF parameter value, cites a reference id that no entry in "references" has.',
    fix: 'Give the reference an "id", or correct the citation.',
  },
  INVALID_FIELD: {
    cause: 'A JSON field has the wrong type or an unknown value.',
    fix: 'Use the type shown in the hint (amounts and rates are decimal strings).',
  },
  INVALID_NUMBER: {
    cause:
      'A value is not a number that can be read without guessing (for example "1.2E+04", "N/A", "1.200,50", "1,20", "60,000.00 GBP" or "60,000.5.0"; "Â£60,000.00" is a £ garbled by a change of character set, TEXT_MANGLED), or is a spreadsheet\'s error value where a formula failed ("#N/A", "#DIV/0!", "#REF!"…: the message says what the failure means). Model CSVs accept what a spreadsheet writes when it is unambiguous: £ and UK thousands separators on an amount, separators on a count, % on a rate or share (the factors file of nff too: £ and separators on its amounts, separators on its counts); JSON files and other CSVs take plain decimals only.',
    fix: 'Write the number as plain digits with an optional point: 12000.50.',
  },
  NUMBER_NORMALISED: {
    cause:
      'A model CSV (or the factors file of nff, or the spreadsheet form of a tariff that tariffs import reads) writes numbers as a spreadsheet does: £ signs or thousands separators (£4,200,000.50, 1,200; or the no-break, narrow no-break or thin space a European number format or a PDF puts between groups of three, one kind throughout a figure: a typed space is not read), an amount in brackets as accounting formats write a negative ((4,250,000.00)) and a dash after £ as they write zero (£ -), a percentage on a rate or share (5%), or an NCY saved with decimal places (7.00). They are read ((4,250,000.00) as -4250000, £ - as 0, 5% as 0.05) and listed, one warning per file, column and kind (warning).',
    fix: 'Nothing, if the figures are right; write plain decimals (4200000.50, 0.05) to silence it.',
  },
  DATE_NORMALISED: {
    cause:
      "The spreadsheet form of a tariff that tariffs import reads writes a date (effective_from, end_date) as a UK spreadsheet does, dd/mm/yyyy (01/04/2025), with the month named (1-Apr-2025, 1 April 2025), year first (2025/04/01) or with a midnight time (2025-04-01 00:00, 2025-04-01T00:00:00). It is read (dd/mm/yyyy day first) as 2025-04-01, and listed, one warning per file, column and kind (warning). A two-digit year (01-Apr-25) and a spreadsheet's serial number for a date (45748) are not read: INVALID_DATE says the date they would be. A model CSV does not read such a date: it says how to write it (INVALID_DATE).",
    fix: 'Nothing, if the dates are right (day first); write them YYYY-MM-DD (2025-04-01) to silence it.',
  },
  COUNT_NOT_WHOLE: {
    cause:
      'A cohort.csv count has a fraction (2.5): a person is one pupil, so a census count is whole (warning; the count is used as given, since an expected count may have one).',
    fix: 'Check the export; keep the fraction only if the row is an expected count.',
  },
  INVALID_FLAG: {
    cause:
      'A yes/no column (cohort.csv or new-plans.csv `out_of_area`) holds something other than empty, 0, false, no, n, 1, true, yes or y (any case).',
    fix: 'Write 1, true, yes or y for yes; leave the cell empty or write 0, false, no or n for no.',
  },
  NEGATIVE_VALUE: {
    cause: 'A count, rate, amount or place number that must not be negative is negative.',
    fix: 'Correct the value; balances and funding lines may be negative only where the README says so.',
  },
  COUNT_TOO_LARGE: {
    cause:
      "A count of pupils, places or children in one cell (cohort.csv or new-plans.csv `count`, places.csv or capacity.csv `places`, `imported`, a population, or a places lever's `places`, `low` or `high` in scenarios.json, opened or closed) is over 10,000,000: no area has so many in one row, and a number with extra digits is the likely cause. A count hundreds of digits long was not a number the projection could hold, and stopped it with an internal error.",
    fix: 'Correct the cell (a figure pasted with extra digits, or an amount in a count column).',
  },
  DRAWN_FIGURE_TOO_LARGE: {
    cause:
      "`batch --draws`: a draw of one area has a figure past £100,000,000,000 (or 100,000,000,000 pupils). The national intervals add the areas' draws exactly only up to there, and no authority's high-needs figures come near (England's whole high-needs block was about £12 billion in 2025-26), so an amount or count with extra digits is the likely cause. The area fails; the others are drawn.",
    fix: "Correct the amount or count (cohort.csv's annual_cost, the tariff's top-ups and place values, funding.csv); `project` of the area shows its figures.",
  },
  RATE_ABOVE_ONE: {
    cause:
      'A ceasing, transition or new-plans rate, or a share in NFF parameters, a write-off or a block transfer, is above 1 (100%).',
    fix: 'Rates are shares: 0.05 means 5%.',
  },
  TRANSITIONS_EXCEED_ONE: {
    cause:
      'Transition rates leaving one (ncy, setting) add up to more than 1; rows for one need are added up on their own, since they replace the rows without a need for those pupils.',
    fix: 'Reduce the rates so that no more than all continuing plans move.',
  },
  COUNT_AND_RATE: {
    cause: 'A new-plans.csv row gives both a count and a rate; it must give exactly one.',
    fix: "Keep the count (new plans a year) or the rate (new plans per head of the NCY's population, from population.csv), and empty the other.",
  },
  UNCERTAINTY_TWICE: {
    cause:
      'A ceasing, transitions or new-plans row gives both observed/exposure (a history) and low/high (a range); simulate draws the rate from one or the other.',
    fix: 'Keep observed and exposure (as calibrate writes them) or low and high, and empty the other pair.',
  },
  UNCERTAINTY_INCOMPLETE: {
    cause:
      "A row gives one of observed/exposure or low/high without the other, or observed/exposure on a new-plans row that gives a count (a Beta describes a share, not a count); or a scenario's lever gives one of low/high (or a distribution) without the other.",
    fix: 'Fill in both cells (or fields) of the pair, or empty both; give a count a range in low and high.',
  },
  OBSERVED_ABOVE_EXPOSURE: {
    cause: 'A row observed more events than its exposure, or has an exposure of 0.',
    fix: 'Exposure is the pupils (or, for new plans, the population) at risk; observed, those who ceased, moved or joined: at most the exposure.',
  },
  RATE_NOT_OBSERVED_SHARE: {
    cause:
      "A row's rate is not observed ÷ exposure (to within one unit of the last decimal the rate is written with, rounded either way), so the simulation's mean would not be the projection's rate.",
    fix: 'Correct the rate, observed or exposure so that the rate is observed ÷ exposure.',
  },
  RANGE_EXCLUDES_RATE: {
    cause:
      "A row's low/high range does not hold its own rate or count, or a lever's does not hold its share (a places lever's, its places) (low above it, or high below it).",
    fix: 'Make low at most the rate (count, share, places) and high at least it: the figure is the most likely value, the range what it could be.',
  },
  DISTRIBUTION_INVALID: {
    cause:
      'A `distribution` (a ceasing, transitions or new-plans row\'s column, or a lever\'s field) is not "triangular" or "uniform", or is given on a row without a low/high range.',
    fix: "Leave it empty for a triangular range with its mode at the row's figure (or the lever's share), or write uniform; give the row low and high.",
  },
  LEVER_RANGE_UNSUPPORTED: {
    cause:
      "A scenario's funding lever, or a tariff lever that switches to another table, gives low, high or distribution, or a second tariff lever of one scenario does: simulate draws a range only for a lever's share (new-plans, ceasing, shift-new-plans, move-placements, tariff) or a places lever's places, and one tariff lever's share per scenario.",
    fix: 'Remove low, high and distribution from the lever; to see another value of it, make it another scenario.',
  },
  RANGE_UNPRICED: {
    cause:
      "A scenario projects cleanly at its levers' own shares, but with its ranged levers of pupils at their bounds (lows, highs, or some of each), or the model's rate rows with low and high somewhere in their ranges (ceasing at its low and new plans at their high; each ranged transition at its low, or moving a few pupils where its low is 0, then at its high, then at its high but at its low out of a setting capacity.csv caps), or both, it puts pupils where the tariff has no rate in force, or no such band (warning): simulate stops with that error at the first draw that does the same.",
    fix: 'Give the tariff the rate (an earlier effectiveFrom, or a rate for the band), or narrow the range so that no draw sends pupils there.',
  },
  POPULATION_MISSING: {
    cause:
      'A new-plans.csv row gives a rate per head, but population.csv has no population for its NCY in a year the rate applies to; or, for calibrate and backtest, the population file has no population for an NCY new plans join at in a January of the history after the first (one error at the population file when it has no row for that January at all), or in a projected year.',
    fix: "Add a population.csv row for that academic year and NCY, or give the row a count instead; for calibrate, give the population of every January from the history's second to the horizon's, or an earlier --horizon.",
  },
  NCY_OUT_OF_RANGE: {
    cause: 'A national curriculum year is not a whole number from -3 to 20.',
    fix: 'Use NCY -3 to 20 (age at 31 August = NCY + 4).',
  },
  UNKNOWN_NEED: {
    cause:
      'A primary need is not a SEN2 code (in a history given to calibrate or backtest: neither mapped in codes.csv nor a SEN2 code, reported once per file, column and code, at its first cell, with how many cells hold it).',
    fix: 'Use one of ASD, HI, MLD, MSI, OTH, PD, PMLD, SEMH, SLCN, SLD, SpLD, VI, DS (any case); in a history, or map the local code in codes.csv (need,<code>,<SEN2 code>). SEN2\'s "Unknown" (no primary need recorded) is not modelled: give those pupils a need, such as the area\'s most common or OTH, and note the choice.',
  },
  UNKNOWN_SETTING: {
    cause:
      'A setting is not declared in the tariff (in `highneeds explain --setting`, a usage error: exit 2); or a costs.csv row given to calibrate names a setting in no row of the history (after codes.csv), whose top-up would otherwise be dropped.',
    fix: 'Use a setting id from the tariff\'s "settings" (a setting written as its label, "Maintained special school", is told its id in the hint), or declare it there; in costs.csv, correct the spelling or map the local code in codes.csv.',
  },
  CODE_NORMALISED: {
    cause:
      "A model CSV writes a code as a case system exports it: an NCY as a year name (R, Reception, Year 9, Y9, N1, N2), a primary need as its SEN2 long name (Autistic Spectrum Disorder), a setting id in another case or with spaces or underscores for hyphens, or a history's calendar year as a date in January (18/01/2024, an extract's census date, or Jan 2024, for 2024) or, for a January, as its academic year (2023/24, for 2024) or with a hyphen, as a financial year is written (2023-24, which holds the same January); or an academic or financial year written with its end year in full (2026/2027 in an academic_year column, 2026-2027 in a financial_year one), after its label (AY 2026/27, FY2026-27), or a financial year with a dash (2026–27), read as 2026/27 or 2026-27. It is read as the code and listed, one warning per file, column and kind (warning). An `--hnb-from` file's area code written another way than the model's (`0202` or `202.0` for `202`, `n01` for `N01`, as `--area` and UNKNOWN_AREA read a code) is read as that area's, and said in the same way.",
    fix: 'Nothing, if the mapping is right; write the codes (9, ASD, special) to silence it.',
  },
  UNKNOWN_BAND: {
    cause:
      "A band has no rate at all for that setting in the tariff: in a CSV cell, or where a scenario's move-placements or shift-new-plans lever sends pupils (its to.band, or without one the pupils' own bands).",
    fix: 'Use a band that the tariff prices for the setting (give a lever a to.band), or add rates for it.',
  },
  NO_RATE_IN_FORCE: {
    cause:
      'A setting and band that pupils occupy has no tariff rate in force on the 1st of a month the projection costs.',
    fix: 'Add a rate with an earlier effectiveFrom, or one for need "*".',
  },
  DUPLICATE_TARIFF_ROW: {
    cause: 'Two tariff rates share the same setting, band, need and effectiveFrom.',
    fix: 'Keep one row per key and date.',
  },
  DUPLICATE_SETTING: {
    cause: 'A tariff declares the same setting id twice.',
    fix: 'Keep one declaration per setting id.',
  },
  DUPLICATE_ROW: {
    cause:
      "Two rows give the same key where only one is allowed (a ceasing rule or transition, places, capacity or population for a year, an HNB allocation or opening balance, an area in nff-factors.csv, a proxy factor or grant in NFF parameters, a cost for a need and setting in calibrate's costs.csv, whose local codes are read as codes.csv maps them).",
    fix: 'Keep one row, or add the amounts yourself.',
  },
  TOTALS_ROW: {
    cause:
      "A CSV row is a spreadsheet's totals line kept when the sheet was saved: its first filled cell begins Total, Totals, Grand total, Subtotal or Sum, every other filled cell is a figure, and a column every row must fill is empty (Total,,,,2504 at the foot of cohort.csv; in a national model's table the label may be the area cell's, or a row with no area may hold it). It is no data row, so it is left out and said (warning); the figures are added up from the rows themselves.",
    fix: 'Nothing; or delete the totals row from the sheet before saving it as CSV.',
  },
  TOTALS_DISAGREE: {
    cause:
      "A CSV's totals row (TOTALS_ROW) gives a figure the rows above it do not add up to, in a column where every filled cell is a figure (not one of a figure per pupil or a rate, such as annual_cost, cost, rate, share or growth, whose total is no sum of the column, nor one of a year or a year group, such as year or ncy, where a figure is a label; under a snapshots file's person_id a figure is the sheet's count of its rows, and is compared with how many rows give an id; in cohort.csv's count, an empty cell is one pupil, as the run counts it), compared to the places the total is written to: a total typed in or pasted from elsewhere (a published count), or a SUM whose range misses rows added below it. The row is left out, as TOTALS_ROW leaves one out (this warning in its place), and the rows are what is modelled (warning). A national model's tables are read a slice at a time, as they are split by area, and are not checked so: their totals row is TOTALS_ROW alone.",
    fix: 'Check the sheet for rows left out of the file, or correct its total; nothing changes in the projection, which adds up the rows themselves.',
  },
  ROW_REPEATED: {
    cause:
      "A funding.csv row of a line that is added up (block_transfer, safety_valve, la_contribution, other_income) repeats an earlier row cell for cell, year, amount and note alike (warning). Both are counted, as two payments would be; a row pasted twice, or a month's rows appended to an export that already held them, is the likelier cause. So does a new-plans.csv row, whose rows of one kind of plan are added up too (both are counted: that stream of new plans doubled); its hint says to give their sum on one row if both are meant.",
    fix: 'Delete one if it was pasted twice; if both are meant (two payments of the same amount), tell them apart in their note.',
  },
  INVALID_DATE: {
    cause: 'A date is not a real calendar date written YYYY-MM-DD (or an uplift day not MM-DD).',
    fix: 'Write dates as 2025-04-01.',
  },
  INVALID_YEAR: {
    cause:
      "An academic year is not written 2025/26, or a financial year not 2026-27 (the forms CODE_NORMALISED reads aside). The other kind's spelling (2026-27 in an academic year, 2026/27 in a financial one) is not read, as the two are different periods; nor is a date (01/09/2026, 2026-09-01, 1-Sep-26) or a spreadsheet's serial number for one (46266): the hint names the year it falls in. In a history (calibrate, backtest), a calendar year that is not four digits or a date in January (or, for a January, its academic year); one written the same way in many cells of a column is said once, at its first cell, with how many cells hold it.",
    fix: 'Academic years use a slash (2025/26); financial years a hyphen (2026-27).',
  },
  AREA_MISMATCH: {
    cause: "A cohort row's area differs from area.code in model.json.",
    fix: 'Split national files per area, or correct the code.',
  },
  HORIZON_BEFORE_BASE: {
    cause: 'The horizon is before the first projected financial year.',
    fix: 'For baseYear 2025/26 the first projected financial year is 2026-27; set horizon to that or later.',
  },
  HORIZON_TOO_FAR: {
    cause:
      "model.json's horizon, or a national model's area's own in areas.csv (its `horizon` or `baseYear`), is more than 50 years after the base year. A child with a plan at the youngest NCY leaves within 24 years, so a projection past that is of new plans alone, and one of centuries (a horizon of 3100-01) grew its counts past what the projection could hold, and stopped it with an internal error.",
    fix: 'Give the last financial year the plan needs, such as 2030-31.',
  },
  UNKNOWN_FUNDING_LINE: {
    cause: 'A funding.csv line is not one of the known funding lines.',
    fix: 'Use opening_balance, hnb_allocation, hnb_deductions, import_export, block_transfer, safety_valve, la_contribution or other_income.',
  },
  TARIFF_ID_TAKEN: {
    cause:
      "tariffs import made a table whose id is a library table's (tariffs/), but whose rows or other fields differ from it: a library table exported, edited in a spreadsheet and imported back keeps the library's id and title, and every output (the projection's title, the manifest, the report's Tariff section) would name the edited table as the library's (warning). An import identical to the library table is not said.",
    fix: 'Give the table an id and a title of its own: --id and --title on tariffs import, or the id and title rows of the tariff.csv given as --meta.',
  },
  INVALID_DSG_MAP: {
    cause:
      "A row of dsg-plan-map.csv (the map from the model's settings and income lines to the DSG management plan's categories) has a kind other than setting or income, an income line that is not one of the summary's income columns, an empty id or category, or maps the same id twice.",
    fix: 'Correct the row; docs/reports.md lists the kinds and income lines. Delete the file to use the shipped default map.',
  },
  DSG_MAP_SETTING_UNKNOWN: {
    cause:
      'A setting row of the model\'s own dsg-plan-map.csv names a setting the model\'s tariff does not have ("AP" for ap, or a setting of another tariff): the row maps nothing, and a setting it was meant for is shown in the DSG management plan under its own label (warning). A row of the shipped default map (templates/dsg-plan-map.csv) copied as it is there is not said: a map is started from that copy, and keeps rows for settings a tariff may lack.',
    fix: "Write the setting's id as the tariff names it (the hint names the nearest one), or delete the row if the tariff has no such setting.",
  },
  MISSING_OPENING_BALANCE: {
    cause: 'funding.csv has no opening_balance row.',
    fix: 'Add one row: the cumulative high-needs DSG balance at the end of the base financial year (negative = deficit).',
  },
  OPENING_BALANCE_YEAR: {
    cause: 'The opening_balance row is not for the financial year before the first projected one.',
    fix: 'Give the balance at the end of the base financial year shown in the hint.',
  },
  MISSING_HNB_ALLOCATION: {
    cause:
      'A projected financial year has no high-needs block allocation given or earlier one to grow from.',
    fix: 'Add an hnb_allocation row for the first projected year or earlier.',
  },
  ZERO_HNB_ALLOCATION: {
    cause:
      'The hnb_allocation a projected year takes (given or grown) is 0 (warning): the high-needs block is nil, so every balance is spend alone. A model written by calibrate leaves it at 0 to fill in.',
    fix: "Give the authority's high needs block allocation before deductions, from the DfE's DSG allocations.",
  },
  ZERO_SPEND: {
    cause:
      "The tariff prices every pupil of the projection at £0 (warning): no top-up and no place funding in any year, so spend is nil but for spend.csv's lines, and the balances are the funding alone. A model written by calibrate has a tariff stub whose top-ups (without --costs) and place values are 0 until filled in.",
    fix: "Give the tariff's top-ups and place values: the authority's banding, or, for a calibrated folder, fill in its tariff.json as its README says.",
  },
  YEAR_OUT_OF_RANGE: {
    cause: 'A row is for a year outside the projection (warning; the row is ignored).',
    fix: 'Check the year, or extend the horizon.',
  },
  PLACES_END_EARLY: {
    cause:
      "places.csv gives a setting's places for some years but stops before the last modelled academic year: from the year after its last row, the setting's places are its projected pupils, as for a setting with no row, which can change its place funding sharply (warning).",
    fix: 'Add a row for each later year, with the same number of places if they stay; or none at all for a setting whose places should follow its pupils.',
  },
  PLACES_NOT_FUNDED: {
    cause:
      'places.csv gives places for a setting whose tariff placeValue is 0 (warning; they cost nothing).',
    fix: 'Check the setting, or its placeValue in the tariff.',
  },
  OVERFLOW_SETTING_MISSING: {
    cause:
      'A capacity.csv row names no overflow_to and model.json has no "overflowSetting", so pupils above the capacity have nowhere to go.',
    fix: 'Give overflow_to on the row, or set "overflowSetting" in model.json.',
  },
  OVERFLOW_TO_SELF: {
    cause:
      'A capacity.csv row overflows to its own setting (through overflow_to, or model.json\'s "overflowSetting" when overflow_to is empty).',
    fix: 'Name another setting in overflow_to.',
  },
  UNKNOWN_LEVER: {
    cause: 'A scenario lever has a kind the tool does not know.',
    fix: 'Use one of new-plans, ceasing, shift-new-plans, move-placements, tariff, places, funding (docs/scenarios.md).',
  },
  UNKNOWN_SCENARIO: {
    cause:
      'A scenario\'s "base" names a scenario that is not defined; or --scenario / --scenarios on the command line does (a usage error, exit 2, located at the option, in every command).',
    fix: 'Check the id against the scenarios in scenarios.json.',
  },
  SCENARIOS_NOT_READ: {
    cause:
      "A batch over a folder of model folders finds a scenarios.json inside one of the folders: batch runs the scenarios of the scenarios.json beside the folders only, so the folder is modelled under those, or as given when there is none (warning; the folder's own scenarios are not run).",
    fix: 'Run highneeds project or compare on that folder for its own scenarios; for scenarios every folder shares, put one scenarios.json beside the folders.',
  },
  DUPLICATE_ID: {
    cause: 'Two scenarios, or two levers in one scenario chain, share an id.',
    fix: 'Give each its own id: savings are reported by lever id.',
  },
  CIRCULAR_BASE: {
    cause: 'Scenarios inherit from each other in a circle ("base").',
    fix: 'Make one of them stand on its own.',
  },
  PROFILE_ORDER: {
    cause: "A lever's profile reaches full effect (fullBy) before it starts (from).",
    fix: 'Set fullBy to the same academic year as from or later.',
  },
  SHARE_OUT_OF_RANGE: {
    cause:
      "A lever's share is outside the range that makes sense for its kind (−1 to 1; 0 to 1 for moves and shifts).",
    fix: 'Write shares as decimals: −0.1 is 10% fewer, 0.3 moves 30%.',
  },
  PAYMENT_OUT_OF_RANGE: {
    cause:
      'A Safety Valve instalment, local contribution or target year is outside the projected financial years.',
    fix: 'Extend the horizon, or correct the year.',
  },
  LEVER_MATCHES_NOTHING: {
    cause:
      "A lever's filter matches no tariff rate of the model, and no pupil or new plan wherever the projection holds them in any year to the horizon, as they age and move; or a new-plans or shift-new-plans lever, which acts on new plans as they join, matches no new plan; or a move-placements lever, which moves pupils only in the years of its profile, finds none there (pupils reach its filter only before or after them) (warning; the lever does nothing).",
    fix: "Check the filter's needs, NCY range, settings and bands against the model; for a move, set its profile to the years the pupils are there.",
  },
  LEVER_SETTING_UNKNOWN: {
    cause:
      'A lever\'s filter names several settings, of which some are not settings of the model\'s tariff (a spelling such as "Special Academy" for special-academy): the lever acts on the settings the tariff has and passes over the others (warning). One that matches nothing (naming only unknown settings, or by its other filters) is LEVER_MATCHES_NOTHING alone, with the same hint.',
    fix: "Write each setting as the tariff's id (the hint lists them); in a national model whose areas have different tariffs, a setting one tariff lacks is said for each area that lacks it.",
  },
  LEVER_AFTER_HORIZON: {
    cause:
      "A lever's profile starts (a tariff lever's from date falls) after the projection's last year, so it changes nothing in any projected year (warning; its savings are 0).",
    fix: "Check the year of the lever's profile (an academic year such as 2026/27), or extend model.json's horizon to reach it.",
  },
  LEVER_PRICES_NO_PUPIL: {
    cause:
      "A tariff lever's filter matches tariff rates of the model, but no pupil or new plan the tariff prices is in those rates' places in any year to the horizon: the pupils there are all priced by their own annual_cost in cohort.csv, which no tariff rate changes, or there are none (warning; the lever saves nothing).",
    fix: "To model a change in those pupils' cost, change their annual_cost in cohort.csv; otherwise check the lever's settings, bands and needs against where the model's pupils are.",
  },
  LEVER_SWITCHED_AWAY: {
    cause:
      "A tariff lever that scales rates by a share is listed before a tariff lever that switches some of the same settings to another table. Levers apply in list order, and the switch replaces those settings' rates, the scaled ones too, from its date: the share's change ends then, or changes nothing where the switch starts first. compare's savings by lever still give the earlier lever its saving, and the switch's step takes it back (warning).",
    fix: "To scale the other table's rates, list the share lever after the switch; to keep the share's change only until the switch, leave the order as it is.",
  },
  EMPTY_COHORT: {
    cause: 'cohort.csv has no pupils (warning).',
    fix: 'Check that the right file was exported.',
  },
  GROWTH_UNUSED: {
    cause:
      'model.json sets a non-zero newPlansGrowth, but no new-plans.csv row is a count without academic_year, the only rows it grows (warning; new plans stay as given). Not said while new-plans.csv has an error, which says why its rows are not read.',
    fix: 'Give the yearly new plans as counts without academic_year, or set newPlansGrowth to "0".',
  },
  NFF_NOT_POSITIVE: {
    cause:
      "An area's population aged 2–18, its baseline population or its baseline allocation in nff-factors.csv is zero or negative; the floor and cap compare amounts per head against the baseline.",
    fix: 'Give the population and baseline figures as positive numbers (negative or missing populations are usually an export slip).',
  },
  NFF_ACA_OUT_OF_RANGE: {
    cause:
      'An area cost adjustment in nff-factors.csv is outside the plausible 0.9 to 1.3 (warning; it is used as given).',
    fix: 'Write the ACA as a multiplier such as 1.0449, not a percentage such as 104.49.',
  },
  NFF_WRONG_YEAR: {
    cause:
      'An NFF parameters file describes a different financial year from the one it was read for (nff-parameters/<year>.json).',
    fix: 'Correct $.financialYear, or name the file after the year it describes.',
  },
  NFF_FLOOR_ABOVE_CAP: {
    cause: 'An NFF parameters file has a funding floor above its gains cap.',
    fix: 'The floor is the least change per head and the cap the most: swap them, or lower the floor.',
  },
  NFF_WEIGHTS_NOT_ONE: {
    cause: 'The weights of the proxy factors in an NFF parameters file do not add up to exactly 1.',
    fix: 'Correct the weights: they are shares of the proxy pot (0.5 is half).',
  },
  NFF_TOTAL_UNREACHABLE: {
    cause:
      "With --solve-cap, no gains cap from the floor upwards makes the areas' allocations add up to the parameters' nationalTotal.",
    fix: 'Check the national total, the floor, and that the factors file holds every area the total covers; the message gives the totals that are reachable.',
  },
  NFF_AREA_MISSING: {
    cause:
      "An nff output file given with --hnb-from has no row for the model's area.code, or one given to nff with --baseline-from has no allocation for an area of the factors file in the year before --year.",
    fix: 'Run highneeds nff on a factors file that includes the area (for --baseline-from, for the year before), or correct area.code in model.json.',
  },
  INVALID_TRANSFER_SHARE: {
    cause:
      'A funding.csv row gives share or schools_block where they do not apply: on a line other than block_transfer, a share beside an amount or without its schools_block, or two schools blocks for one year.',
    fix: 'On a block_transfer row give either the amount, or the share with the schools_block it is a share of; state one schools block per year.',
  },
  TRANSFER_NEEDS_DISAPPLICATION: {
    cause:
      "A year's block transfers are more than 0.5% of the schools block stated for that year (warning): above that, a transfer needs the Secretary of State's approval (a disapplication). The 0.5% is policy data, `policy/schools-forum-transfer-limit.json` (published, cited), not a constant of the code.",
    fix: 'Plan for a disapplication request, or keep the transfer within 0.5% with Schools Forum approval.',
  },
  WRITE_OFF_YEAR: {
    cause:
      "model.json's writeOff is paid in or before its balance year, or measures the deficit before the projection opens without giving eligibleDeficit.",
    fix: 'Pay the write-off after the balance year (2026-27 for a 2025-26 balance), or give the eligible deficit from the sources.',
  },
  WRITE_OFF_NATIONAL_FIGURE: {
    cause:
      "A national model's writeOff gives eligibleDeficit: one list of reported figures would be written off for every area, whatever its own deficit (an area in surplus included).",
    fix: "Leave eligibleDeficit out: each area's write-off is then the share of its own deficit at the balance date (its opening balance for 2025-26). To use an area's reported figures, project that area as its own model folder.",
  },
  WRITE_OFF_ABOVE_DEFICIT: {
    cause:
      "model.json's writeOff.eligibleDeficit (its lowest figure) is more than the model's own deficit at the balance date, or the area is in surplus then (warning). Where the reported figures differ the lowest is used, and at the opening balance date funding.csv's opening_balance is one of them: the write-off is the share of the opening deficit (nothing for a surplus). At a projected date the reported figure is still used, since a projection is not a reported figure.",
    fix: "Check funding.csv's opening_balance (or the projection up to the balance date) against the s251, DSG note, s151 assurance, revenue outturn and accounts figures; give eligibleDeficit only for an area in deficit.",
  },
  DUPLICATE_AREA: {
    cause:
      "A national model's areas table lists the same area code twice, or gives an area an `ons_code` or `la_code` that is already another area's code or other code; that area is not modelled (its rows in the other files cannot be told apart). A code that is an earlier row's written another way (`e06000001` beside `E06000001`, `0202` beside `202`) fails the second row's area: `--area`, an `--hnb-from` file and the hints read a code in any case and as a spreadsheet rewrites a number, so rows under one could be taken for the other's. The message names both rows' areas where their names differ, and `--area` finds the area by either name.",
    fix: 'Give each area one row in areas.csv, with codes of its own.',
  },
  AREA_REPEATED: {
    cause:
      "A national model's areas table repeats a row cell for cell, as a paste can (warning): the area is read once, from its first row, and modelled.",
    fix: 'Delete the repeated row; if the two rows were meant to differ, DUPLICATE_AREA says which.',
  },
  UNKNOWN_AREA: {
    cause:
      "A national model's CSV has rows whose area is not in the areas table; they are reported as a failed area of that code in failures.csv, and counted apart from the areas on the terminal (\"rows under a code that areas.csv does not list were left out\"). When the code is one of areas.csv's written another way (`0202` or `202.0` for `202`, `E09000001.0` or `e09000001` for `E09000001`), or an area's `ons_code` or `la_code` so written, the message names that area, which is modelled without these rows, and says how the two came apart where that is clear (the `.0` a spreadsheet adds to a code it takes for a number, leading zeros it drops); the hint says to write the code as areas.csv does, unless areas.csv's is the one with the `.0`: then it names the code without it, to be written in areas.csv.",
    fix: "Add the area to areas.csv, or correct the code in the rows (rows without an area apply to every area); rows keyed by the other system of codes (ONS for LA, or LA for ONS) are read as they are once areas.csv gives each area's other code in an `ons_code` or `la_code` column.",
  },
  NATIONAL_MODEL: {
    cause:
      'A command that reads one area\'s model folder (project, compare, solve, report, explain, simulate) was given a national model, a model.json that names an areas table ("areas") instead of one "area", without `--area`.',
    fix: 'Give `--area CODE` to run the command on one area of the national model, as batch models it; run `highneeds batch` for every area (`highneeds validate` checks them area by area).',
  },
  AREA_NOT_LISTED: {
    cause:
      "`--area` names no area of the national model's areas table, by its code (in any case, or as a spreadsheet rewrites a number: 0202 or 202.0 for 202) or by its name, or names more than one (two areas of one name, or codes written alike: N01 and n01); or the folder is not a national model (a model of one area, or a folder of model folders), so has no areas table (a usage error, exit 2, located at the option).",
    fix: 'Give a code from areas.csv\'s area_code column; the hint offers an area whose code (its area_code, or its ons_code or la_code, offered as such) or name is within a letter or two of the one typed, or whose name holds the words typed (Bristol for "Bristol, City of"; at most five, the rest counted), and lists the first eight codes. On a model of one area, leave `--area` out.',
  },
  NO_COHORT_ROWS: {
    cause:
      "An area in a national model's areas table has no rows in cohort.csv, so it cannot be modelled.",
    fix: 'Check that the national cohort was exported in full, or remove the area from areas.csv.',
  },
  NO_AREA_ROWS: {
    cause:
      "A national model's new-plans.csv or spend.csv gives rows by area, but none for some areas of areas.csv and none without an area (which would be every area's), so those areas are projected with no new plans, or no other spend lines, without a word (warning).",
    fix: "Add the areas' rows, or rows without an area for every area; give an area that truly has none a row that says so, of count 0 in new-plans.csv or of amount 0 in spend.csv, and the warning is not given.",
  },
  SCENARIO_SAME_EVERY_AREA: {
    cause:
      'The scenarios.json of a national model (or beside a folder of model folders) gives an amount: a funding row, a funding or places lever, or a Safety Valve agreement. Its scenarios apply to every area alike, so each area gets the amount in full: £250,000 of other income is £250,000 in every one of 153 areas (warning, once a scenario run, at its first amount, naming up to three; not in a run of one area, a national model of one or batch of one model folder, whose amounts belong to that area alone). A share (a new-plans, ceasing or tariff lever) scales with each area and is not said.',
    fix: "For a policy tried on every area alike, nothing. For one authority's own amounts, give them in funding.csv with an area column (in every scenario), or model that area alone with --area CODE and a scenarios file of its own.",
  },
  COHORT_EVERY_AREA: {
    cause:
      "A national model of more than one area has cohort.csv rows with an empty area cell: a row without an area is every area's, so each such pupil is counted once in every area (warning). An extract leaves the cell blank for a pupil with no home authority recorded.",
    fix: "Give each row its area's code (or leave out pupils no area is known for); keep the cell empty only for pupils meant to be in every area.",
  },
  DEDUCTIONS_COMPUTED: {
    cause:
      'funding.csv gives no hnb_deductions beside the hnb_allocation a year uses (given for it, or grown from), and the tariff has "dfe" settings with places that year (warning, once per model): the tool deducts their place funding, costed as spend is, from hnb_allocation, which it reads as the allocation before deductions. The same when the allocation comes from --hnb-from and the nff output has no place_deductions (its factors file gave no deductions); the warning is then at that file. Also, at the allocation, when the tariff has no "dfe" places, so nothing is deducted, but funding.csv gives deductions above 0 beside another allocation: that one is read as before deductions, and this one likely is too.',
    fix: 'Enter the published deductions as hnb_deductions (positive), or enter the published after-deductions figure as hnb_allocation with hnb_deductions 0; with --hnb-from, give the deductions in the nff factors file (academy_place_deduction, …).',
  },
  SPEND_LINE_MODELLED: {
    cause:
      'A spend.csv line gives an s251 code the projection charges itself (warning, once per line): 1.0.2 (place funding, spend_place) or 1.2.1, 1.2.2, 1.2.3 (top-ups, spend_top_up), which the projection costs from the cohort, the new plans, places.csv and the tariff. The line is added to spend_other on top of them, so the same money is counted twice: as happens when the whole s251 high-needs budget is copied into spend.csv.',
    fix: 'Keep in spend.csv only the high-needs lines besides top-ups and places (s251 1.2.4 to 1.2.13). Keep a top-up line only for money the cohort does not hold (top-ups paid for pupils without an EHCP), and then with its own name.',
  },
  IMPORT_EXPORT_NOT_CARRIED: {
    cause:
      'funding.csv (or an nff output given with --hnb-from, or a scenario) gives a non-zero import_export for a year, and a later projected year has none (warning, once per model). The import/export adjustment is summed as given and never carried into a year it is not given for, while the HNB allocation (grown) and its deductions (in cash, with the change in the "dfe" places) are carried: so that year silently gains or loses the whole adjustment.',
    fix: 'Give import_export for each projected year: the published figure, your estimate (the last one again if the cross-border placements are expected to hold), or 0 to say there is none.',
  },
  DEDUCTIONS_WITHOUT_DFE_SETTING: {
    cause:
      'hnb_deductions (or an nff output\'s place_deductions, with --hnb-from) are given, but the tariff marks no setting placeFundedBy "dfe" while it charges place funding (warning, once per model). The deductions pay for the places the DfE funds directly (academies, free schools, NMSS, FE); with no "dfe" setting every place the tariff prices is spend, so those places, where the model holds them (an academy\'s pupils in a "special" setting the authority funds, say), are counted twice.',
    fix: 'Mark the settings whose places the DfE funds "placeFundedBy": "dfe" in the tariff, with the academy, NMSS and FE pupils and places in them; or enter hnb_allocation after deductions with hnb_deductions 0. A model that holds none of those places can leave it.',
  },
  DEDUCTIONS_WITHOUT_ALLOCATION: {
    cause:
      'funding.csv gives hnb_deductions for a year with no hnb_allocation row: deductions are taken from the allocation published beside them, never from a grown one.',
    fix: 'Give the hnb_allocation (before deductions) for that year too, or remove the deductions row.',
  },
  PLACE_FUNDER_UNKNOWN: {
    cause: 'A tariff setting\'s placeFundedBy is neither "la" nor "dfe".',
    fix: 'Write "la" (the authority pays place funding from its HNB) or "dfe" (the DfE pays it and deducts it from the HNB); leave it out for "la".',
  },
  PLACE_FUNDER_SUSPECT: {
    cause:
      'tariffs check, and project or validate of a model whose funding gives hnb_deductions: a setting whose id or label suggests an academy, free school, FE college, specialist post-16 institution or non-maintained special school has placeFundedBy "la" (or none) (warning): the DfE funds those places and deducts them from the HNB, so in a model with published deductions they are charged as spend and deducted both.',
    fix: 'Give the setting placeFundedBy "dfe", or leave it "la" if the authority really pays its places.',
  },
  UNOCCUPIED_BELOW_PLACE: {
    cause: "A tariff setting's unoccupiedPlaceValue is below its placeValue.",
    fix: 'An empty place is funded at least as much as a filled one (£10,000 against £6,000 for resourced provision); check the two values.',
  },
  FINANCING_RATE_OUT_OF_RANGE: {
    cause: "model.json's deficitFinancing.rate is not a share from 0 to 1.",
    fix: 'Give the yearly rate as a share: "0.045" for 4.5%.',
  },
  UNKNOWN_FIGURE: {
    cause:
      '`highneeds explain --figure` names no figure of the summary, or, with --setting, one that is not given by setting (a usage error: exit 2).',
    fix: 'Use a column of the summary, as the hint lists them (spend_top_up, income_total, cumulative_balance, …; for a label of the project table, such as "Spend: total", or a name misspelt by a letter or two, such as spend_topup, the hint names the column meant); with --setting, pupils_january, spend_top_up, spend_place or place_dfe.',
  },
  UNKNOWN_YEAR: {
    cause:
      '`highneeds explain --year` is not one of the financial years the model projects, or is not written like 2027-28 (a usage error: exit 2).',
    fix: 'Give a financial year from the first projected one to the horizon, as the hint lists them.',
  },
  HISTORY_TOO_SHORT: {
    cause:
      'A history given to calibrate holds fewer than two Januaries (no year of changes to fit), or one given to backtest fewer than three (no year to fit on and one to test).',
    fix: 'Give a longer history: a transitions file with at least one calendar year (two for backtest), or snapshots of at least two consecutive Januaries (three for backtest).',
  },
  HISTORY_GAP: {
    cause:
      'A history has no rows for a year between its first and last (a transitions file with no rows of that calendar year, or snapshots missing a January), so the pupils of the Januaries around it cannot be followed.',
    fix: 'Give the missing year, or cut the history to the years after the gap.',
  },
  AGE_NOT_ADVANCING: {
    cause:
      "A history row's academic year (NCY) does not advance by one from one January to the next: in a transitions file academic-year-2 is not academic-year-1 + 1; in snapshots a person's NCY the January after is not one more. In snapshots, where more than ten persons of one step (a January to the next) fail so, most by one same difference, it is one error for the step, and a January in two such steps is named as the one whose NCYs are written otherwise (as the year group a pupil goes into).",
    fix: 'Correct the row or the extract: the demand engine follows pupils one NCY a year, so a repeated or skipped year cannot be fitted. For a pupil taught out of year group (a year repeated or skipped), give the NCY of their age, age at 31 August − 4, in every January.',
  },
  PERSON_TWICE: {
    cause:
      "A snapshots file has the same person twice in one January. Where more than ten persons of a January are, in rows below all of their first rows or with their year written otherwise than those (a January's rows given again, or another January's with its year miswritten), it is one error for the January, with the lines of both sets of rows and how each writes its year, and, where a January next to it is missing from the file, that those rows may be its own with their year miswritten.",
    fix: "Keep one row per person per January: delete a row given twice; of two that differ, keep the pupil's primary need and their placement at the census date; correct the year of a January's rows written as another's.",
  },
  PERSONS_NOT_FOLLOWED: {
    cause:
      "A snapshots file's person ids hardly carry over from one January to the next: none of ten or more pupils below NCY 20 is found the January after (an error), or fewer than half are (a warning). Persons are followed by person_id alone, so ids that changed (a new case-management system, a spreadsheet that dropped leading zeros) would make every pupil a plan that ended and a new plan, several times the history's ceasing and new plans.",
    fix: 'Give every January the same person ids: map the old system\'s ids to the new, or keep the ids as text so that leading zeros stay ("00123"); or calibrate only the years after the change (--fit-years), whose steps alone are checked then. If so many plans really did end, check the extract is of every pupil with a plan.',
  },
  BANDS_NOT_FITTED: {
    cause:
      "A snapshots file gives pupils' bands (its optional `band` column). calibrate carries each pupil's band of the last January into the cohort it writes (a pupil with none is in band 1), and the tariff stub prices every band in every setting, but it does not fit bands: every new plan is written in band 1, and a pupil who moves keeps their band (warning, at the first row with a band, counting them).",
    fix: "Nothing for the fit. Once tariff.json prices the authority's bands, give new-plans.csv each new plan's band (splitting a row to give a mix) and transitions.csv's to_band each move's (docs/calibration.md, \"Bands\").",
  },
  PERSON_RETURNS: {
    cause:
      'A snapshots file has a person in two Januaries but not in one or more between them (warning). Persons are followed from one January to the next, so such a person is counted as a plan that ended after the January before the gap and a new plan in the January they return in: right for a plan that ceased and was issued again, but an extract that lost their rows for a January reads the same, and fits more ceasing and more new plans than the history had. One warning for the file, at the first return, with how many there are.',
    fix: 'If the plan went on through the gap, give the person a row in every January they had a plan (their NCY one more each year); if it ceased and a new plan was issued, nothing to do.',
  },
  POPULATION_BELOW_JOINERS: {
    cause:
      "A history's population gives fewer resident children at an NCY in a January than the history has new plans there: a population of 0, a population in thousands, or of pupils with plans only. New plans are fitted per head of it, so the rate would be above 1 per head (and refused by project) or far above the history's.",
    fix: 'Give every child living in the area at that NCY, as a whole count: ONS mid-year estimates by single year of age, turned into NCYs (docs/calibration.md).',
  },
  POPULATION_NCY_UNUSED: {
    cause:
      'A history\'s population file has rows for whole NCYs outside −3 to 20, the years the model follows (warning; the rows are not read): a population by single year of age, as ONS mid-year estimates give it, turned into NCYs (NCY = age − 4) runs from −4 upwards, to "86+" for ONS\'s "90+". One warning for the file, at the first such row, with how many. Rows for all ages together ("All ages", "All", "Total" in the NCY column, as an ONS table has) are not read either, with a warning of their own.',
    fix: 'Nothing to do; leave the rows out to silence it.',
  },
  YEAR_OUT_OF_LINE: {
    cause:
      "A year of a history, January to January, has far more plans that ended, or far more new plans, than its other years (warning): more than twice the other years' share of pupils whose plan ended (or their new plans a year), and beyond chance. A January extract that is partial reads that way: a pupil missing from a January is a plan that ended into it and a new plan out of it, and calibrate would fit those as the authority's rates, and project from a partial last January.",
    fix: 'Check the January the warning names is the whole extract (a last January taken before the census was complete, a first that missed some pupils) and give it whole, or leave it out of the history (without its last January, the cohort is the January before it). If so many plans really did end or start that year, nothing to do.',
  },
  NONSEND_BOTH_SIDES: {
    cause:
      'A transitions row of a history has NONSEND on both sides: it is neither a plan that goes on, a new plan (NONSEND in setting-1/need-1) nor one that ended (NONSEND in setting-2/need-2).',
    fix: 'Remove the row, or give the side that has a plan.',
  },
  NONSEND_HALF: {
    cause:
      "A transitions row of a history has NONSEND in one column of a side and a plan's code in the other (setting-1 NONSEND and need-1 ASD, say). A side with no plan is NONSEND in both its setting and need; read as a new plan (or one that ended), the row's setting or need would be dropped, and read as a plan, it has none.",
    fix: 'Write NONSEND in both columns of the side with no plan (setting-1 and need-1 for a new plan, setting-2 and need-2 for one that ended), or give that side the setting and need of the plan.',
  },
  CODE_MAP_INVALID: {
    cause:
      'A codes.csv row has a kind other than need or setting, or maps a need code to something that is not a SEN2 primary-need code.',
    fix: 'Use kind need (to a SEN2 code such as ASD) or setting (to the setting id the model will use).',
  },
  NO_COST_FOR_SETTING: {
    cause:
      "`highneeds calibrate` was given --costs, but a setting of the history has no row in it, so the tariff stub prices that setting's pupils at £0 until it is filled in (warning). Often the setting is a code written two ways in the history (MMSlB for MMSIB) or a local code codes.csv does not map, which calibrate takes for a setting of its own.",
    fix: "Map the code in codes.csv (setting,<code>,<setting id>) if it is another setting's, or give the setting a row in costs.csv (need * for every need); or fill in its top-up in the written tariff.json.",
  },
  NO_COST_FOR_NEED: {
    cause:
      "`highneeds calibrate` was given --costs, whose rows price a setting for some needs but not for any need (`*`), and the history's pupils in that setting have other needs too: the tariff stub prices those at £0 (its row for any need) until it is filled in (warning).",
    fix: 'Give the setting a row for any need (*,<setting>,<annual cost>) to price the needs without one of their own, or a row for each need; or fill in the top-up in the written tariff.json.',
  },
  GROWTH_OUT_OF_RANGE: {
    cause:
      "A yearly growth or uplift is -1 or less (a fall of 100% or more a year, which leaves nothing, or a negative figure) or above 1 (a rise of over 100% a year: 3 is 300%, almost surely 3% meant): model.json's newPlansGrowth, hnbGrowth, tariffUplift or otherSpendGrowth, a scenario's newPlansGrowth, hnbGrowth or tariffUplift, an areas.csv growth column, a spend.csv growth, a tariff's uplift.annualRate (or tariffs import's uplift_annual_rate), or an NFF's floor or rollover uplift (not its gains cap, a ceiling that a what-if without one writes large).",
    fix: 'Growths are shares: 0.05 means 5% a year and -0.02 a fall of 2%; a model CSV also takes 5% and -2%.',
  },
} as const satisfies Record<string, { cause: string; fix: string }>;

export type IssueCode = keyof typeof ISSUE_CODES;
