/**
 * exceljs's own single-file build: the same library as its `main` (the files it writes are
 * byte for byte the same), loaded in a fifth of the time, which matters in a 1.5 s budget.
 */
declare module 'exceljs/dist/exceljs.min.js' {
  import ExcelJS from 'exceljs';
  export default ExcelJS;
}
