/**
 * Sober, GOV.UK-like styling (https://design-system.service.gov.uk/styles/): system fonts only
 * (no web font to fetch, so the file opens offline), black text on white, blue links, tables with
 * rules not boxes, and A4 print rules that keep a chart with its table and repeat table headers.
 */
export const REPORT_CSS = `
*{box-sizing:border-box}
body{margin:0;font-family:Arial,"Helvetica Neue",Helvetica,sans-serif;color:#0b0c0c;background:#fff;font-size:16px;line-height:1.4}
header{background:#0b0c0c;color:#fff;padding:12px 24px;border-bottom:10px solid #1d70b8}
header p{margin:4px 0 0;font-size:14px}
main{max-width:960px;margin:0 auto;padding:16px 24px 48px}
h1{font-size:28px;margin:0}
h2{font-size:24px;margin:40px 0 12px;padding-top:8px;border-top:2px solid #b1b4b6}
h3{font-size:18px;margin:24px 0 8px}
nav ol{columns:2;font-size:14px;padding-left:20px}
a{color:#1d70b8}
.chart{max-width:100%;height:auto;display:block;margin:8px 0}
.chart text{fill:#0b0c0c;font-family:Arial,sans-serif}
table{border-collapse:collapse;margin:0;font-size:13px;width:100%}
.scroll{overflow-x:auto;margin:8px 0 16px}
figure .scroll{margin:0 0 8px}
.scroll .chart{margin:0}
caption{text-align:left;font-weight:bold;font-size:15px;padding:4px 0}
th,td{border-bottom:1px solid #b1b4b6;padding:4px 8px 4px 0;vertical-align:top}
th{text-align:left}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
td.n{white-space:nowrap}
tr.strong td,tr.strong th{font-weight:bold;border-top:2px solid #0b0c0c}
td.mono{font-family:"Courier New",monospace;font-size:11px;word-break:break-all}
.note{font-size:14px;color:#505a5f}
.headline{font-size:18px;border-left:10px solid #1d70b8;padding:8px 16px;background:#f3f2f1}
@media (max-width:640px){
  main{padding:16px 12px 48px}
  figure{margin:8px 0}
  .chart{max-width:none}
  nav ol{columns:1}
  th[scope=row]{position:sticky;left:0;z-index:1;background:#fff;min-width:8em}
}
@page{size:A4;margin:14mm}
@media print{
  header{background:#fff;color:#0b0c0c;border-bottom:4px solid #0b0c0c}
  main{max-width:none;padding:0}
  nav{display:none}
  .scroll{overflow:visible}
  h2{break-before:auto;break-after:avoid}
  caption,thead,h2+p,p:has(+figure){break-after:avoid}
  h2+p,p:has(+figure){break-inside:avoid}
  figure{break-inside:avoid;break-after:avoid}
  thead{display:table-header-group}
  tr{break-inside:avoid}
  table{font-size:10px}
  .chart{width:100%}
}
`;
