/**
 * The addresses the project's review of published sources records, in full (addresses it records
 * shortened are left out: a reader cannot follow them). A figure the docs or the shipped data
 * cite must come from one of these, so that every citation is one the project has checked the
 * figure against; a new source is added here with the figure it gives, once checked.
 */
export const DORSET =
  'https://www.dorsetcouncil.gov.uk/w/funding-for-send-in-schools-and-educational-settings';
export const DFE_HN_2024_25 =
  'https://gov.uk/government/publications/high-needs-funding-arrangements-2024-to-2025';
export const NATSPEC = 'https://natspec.org.uk/resources/funding/';
export const DEVON_FOI = 'https://www.devon.gov.uk/accesstoinformation/?p=11649';
export const TORBAY_DSG_2025 =
  'https://skillsfunding.service.gov.uk/view-latest-funding/dedicated-schools-grant/funding-breakdown/2025-to-2026/880/31-3-2025?tab=schools';
export const WRANS_2023_09_13 = 'https://www.theyworkforyou.com/wrans/?id=2023-09-13.199436.h';
export const BRENT_2024 = 'https://democracy.brent.gov.uk/mgAi.aspx?ID=67883';
export const NASUWT_2025 =
  'https://nasuwt.org.uk/advice/school-leader/budgets-and-funding/school-funding-england.html';
export const IFS_2025 = 'https://ifs.org.uk/news/system-funding-special-educational-needs-broken';
export const DSG_2026 =
  'https://www.gov.uk/government/publications/dedicated-schools-grant-dsg-2026-to-2027/dsg-technical-note-2026-to-2027';
export const TORBAY_FORUM = 'https://www.torbay.gov.uk/DemocraticServices/mgAi.aspx?ID=109099';
export const PQ_64037 =
  'https://www.parallelparliament.co.uk/question/64037/local-government-finance';

export const RECORDED_SOURCES: readonly string[] = [
  DORSET,
  DFE_HN_2024_25,
  NATSPEC,
  DEVON_FOI,
  TORBAY_DSG_2025,
  WRANS_2023_09_13,
  BRENT_2024,
  NASUWT_2025,
  IFS_2025,
  DSG_2026,
  PQ_64037,
  TORBAY_FORUM,
  'https://cms.wiltshire.gov.uk/mgAi.aspx?ID=117996',
  'https://committee.nottinghamcity.gov.uk/mgAi.aspx?ID=53193',
  'https://commonslibrary.parliament.uk/research-briefings/cdp-2025-0090/',
  'https://decisionmaking.westberks.gov.uk/mgAi.aspx?ID=90724',
  'https://democracy.brent.gov.uk/mgAi.aspx?ID=72557',
  'https://democracy.kent.gov.uk/mgAi.aspx?ID=68681&txtonly=1',
  'https://democracy.kent.gov.uk/mgDecisionDetails.aspx?IId=70088&Opt=1',
  'https://democracy.kirklees.gov.uk/mgAi.aspx?ID=25862',
  'https://democracy.lbhf.gov.uk/mgAi.aspx?ID=71368',
  'https://democracy.slough.gov.uk/mgAi.aspx?ID=49944',
  'https://explore-education-statistics.service.gov.uk/data-catalogue/data-set/66002b69-6773-459a-ae98-d6c463224690',
  'https://explore-education-statistics.service.gov.uk/find-statistics/education-health-and-care-plans',
  'https://explore-education-statistics.service.gov.uk/find-statistics/la-and-school-expenditure/2022-23',
  'https://fulhamsw6.com/page/shared/common/ldrshfschools015.htm',
  'https://gov.uk/government/publications/dedicated-schools-grant-very-high-deficit-intervention',
  'https://haveyoursay.sheffield.gov.uk/transfer-to-high-needs-block-2025-26',
  'https://ifs.org.uk/publications/spending-special-educational-needs-england-something-has-change',
  'https://next.shropshire.gov.uk/the-send-local-offer/education/how-is-sen-funded-in-schools/',
  'https://nurseryworld.co.uk/content/news/englands-sen-system-financially-unsustainable-and-in-urgent-need-of-reform-finds-spending-watchdog',
  'https://parallelparliament.co.uk/question/16446/schools-finance',
  'https://polimapper.co.uk/2025/06/surge-in-number-of-ehcps-in-england-amid-rising-demand',
  'https://publications.parliament.uk/pa/cm5801/cmselect/cmpubacc/85/8507.htm',
  'https://questions-statements.parliament.uk/written-questions/detail/2021-11-12/73735',
  'https://readkong.com/page/high-needs-national-funding-formula-technical-note-9896379',
  'https://rsnonline.org.uk/councils-warn-send-system-at-risk-of-collapse-without-urgent-reform',
  'https://schoolsweek.co.uk/government-faces-6bn-send-shortfall-once-override-ends',
  'https://schoolsweek.co.uk/government-send-savings-plan-will-barely-dent-council-deficits/',
  'https://schoolsweek.co.uk/ministers-withold-17m-from-five-safety-valve-councils/',
  'https://tameside.moderngov.co.uk/mgAi.aspx?ID=83364',
  'https://universitytrends.co.uk/third-of-safety-valve-councils-face-bankruptcy/',
  'https://www.devon.gov.uk/supportforschools/question/will-you-take-further-funding-from-schools-for-high-needs-next-year-2',
  'https://www.gov.uk/government/publications/dedicated-schools-grant-dsg-deficit-management-plan',
  'https://www.gov.uk/government/publications/explanatory-note-on-the-governments-approach-to-dedicated-schools-grant-deficits/explanatory-note-on-the-governments-approach-dedicated-schools-grant-deficits',
  'https://www.gov.uk/government/publications/high-needs-funding-arrangements-2025-to-2026/2025-to-2026-importexport-adjustment-notifying-dfe-of-data-errors',
  'https://www.hounslow.gov.uk/school-funding-1/school-funding/3',
  'https://www.local.gov.uk/parliament/briefings-and-responses/debate-motion-send-provision-and-funding-11-january-2024',
  'https://www.lossofbraintrust.com/post/england-what-will-happen-when-govt-covers-5-2b-special-ed-debt-of-local-councils',
  'https://www.nasuwt.org.uk/advice/leadership/budgets-funding/england.html',
  'https://www.parallelparliament.co.uk/question/100030/schools-special-educational-needs',
  'https://www.parallelparliament.co.uk/question/96137/special-educational-needs-west-midlands',
  'https://www.readkong.com/page/high-needs-national-funding-formula-technical-note-july-4265875',
  'https://www.schools.norfolk.gov.uk/article/72946/Schools-Block-to-High-Needs-Block-funding-transfer',
  'https://www.surreylocaloffer.org.uk/practitioners/resources/mainstream-banding',
];
