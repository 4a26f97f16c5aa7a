import { GERMAN_VOCABULARY } from '@wegweiser/api/documents';
import {
  CLOSURE_REASONS,
  CONVERSATION_FORMS,
  FIELDS_OF_ACTION,
  FUNDING_NO_WORKING_GROUP,
  FundingFigures,
  FundingQuality,
  FundingReportColumn,
  FundingReportResponse,
  FundingShare,
  GOAL_STATES,
} from '@wegweiser/shared/contracts';

/** The last column's heading ("Insgesamt" = the whole municipality). */
export const TOTAL_LABEL = 'Insgesamt';
export const UNASSIGNED_LABEL = 'ohne Zuständigkeit';

/** A row of the state's template: an indicator and its value per column (managers, then the total). */
export interface FundingRow {
  /** Section heading rows carry no values. */
  kind: 'section' | 'value';
  label: string;
  values: number[];
}

export interface FundingShareRow {
  label: string;
  values: FundingShare[];
}

const v = GERMAN_VOCABULARY;

export const columnLabel = (column: FundingReportColumn): string =>
  column.kind === 'total' ? TOTAL_LABEL : column.kind === 'unassigned' ? UNASSIGNED_LABEL : column.name;

/** The columns in order: every manager, then the total. */
export const reportColumns = (report: FundingReportResponse): FundingReportColumn[] => [...report.managers, report.total];

/** `2025-03-15` → `15.03.2025`. */
export function germanDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}

/**
 * The worksheet "Auswertung Zeitraum": rows = indicators (sections with their rows), columns = managers + total.
 * With `goalDetail` false the goals are given per field of action only (the PDF); the state sheet has every state.
 */
export function fundingRows(report: FundingReportResponse, options: { goalDetail: boolean } = { goalDetail: true }): FundingRow[] {
  const columns = reportColumns(report).map((c) => c.figures);
  const rows: FundingRow[] = [];
  const section = (label: string) => rows.push({ kind: 'section', label, values: [] });
  const row = (label: string, value: (f: FundingFigures) => number) => rows.push({ kind: 'value', label, values: columns.map(value) });

  section('Beratene Personen');
  row('Beratene Personen insgesamt', (f) => f.personsNew + f.personsOngoing);
  row('davon neu aufgenommen (Beginn im Zeitraum)', (f) => f.personsNew);
  row('davon fortlaufend betreut (Beginn vor dem Zeitraum)', (f) => f.personsOngoing);
  row('Betreuung im Zeitraum abgeschlossen', (f) => f.personsClosed);
  section('Beratungsgespräche');
  row('Beratungsgespräche insgesamt', (f) => f.conversations);
  for (const form of CONVERSATION_FORMS) row(`davon ${v.conversationForm[form]}`, (f) => f.conversationsByForm[form]);
  section('Integrationspläne');
  row('Integrationspläne erstmals vereinbart', (f) => f.plansAgreed);
  row('Integrationspläne fortgeschrieben (neue Fassung vereinbart)', (f) => f.plansUpdated);
  section('Ziele nach Handlungsfeld (Stand zum Ende des Zeitraums)');
  for (const field of FIELDS_OF_ACTION) {
    row(`${v.fieldOfAction[field]}: Ziele insgesamt`, (f) => GOAL_STATES.reduce((sum, s) => sum + f.goals[field][s], 0));
    if (options.goalDetail) for (const state of GOAL_STATES) row(`${v.fieldOfAction[field]}: ${v.goalState[state]}`, (f) => f.goals[field][state]);
  }
  section('Vermittlungen nach Arbeitskreis');
  row('Vermittlungen insgesamt', (f) => f.referrals);
  for (const group of report.workingGroups) row(`Arbeitskreis ${group.name}`, (f) => f.referralsByWorkingGroup[group.id] ?? 0);
  row('ohne Arbeitskreis', (f) => f.referralsByWorkingGroup[FUNDING_NO_WORKING_GROUP] ?? 0);
  section('Abschlüsse nach Grund');
  for (const reason of CLOSURE_REASONS) row(v.closureReason[reason], (f) => f.closuresByReason[reason]);
  return rows;
}

/** The worksheet "Qualität": the Rechnungshof's indicators as shares (numerator of denominator) per column. */
export function qualityRows(report: FundingReportResponse): FundingShareRow[] {
  const columns = reportColumns(report).map((c) => c.quality);
  const row = (label: string, value: (q: FundingQuality) => FundingShare) => ({ label, values: columns.map(value) });
  return [
    row('Integrationsplan innerhalb von 3 Monaten nach Beginn vereinbart', (q) => q.planWithinThreeMonths),
    row('Integrationsplan in den letzten 6 Monaten vereinbart oder fortgeschrieben', (q) => q.planReviewedSixMonths),
    ...FIELDS_OF_ACTION.map((field) => row(`Ziele erreicht (von den im Zeitraum abgeschlossenen): ${v.fieldOfAction[field]}`, (q) => q.goalsAchieved[field])),
  ];
}

/** `3 von 4 (75 %)`; `–` when there is nothing to measure. */
export function shareText(share: FundingShare): string {
  if (share.denominator === 0) return '–';
  return `${share.numerator} von ${share.denominator} (${sharePercent(share)} %)`;
}

/** The share in per cent with one decimal, German (`66,7`); `null` when there is nothing to measure. */
export function sharePercent(share: FundingShare): string | null {
  if (share.denominator === 0) return null;
  return (Math.round((share.numerator / share.denominator) * 1000) / 10).toLocaleString('de-DE', { minimumFractionDigits: 0, maximumFractionDigits: 1 });
}

/** The method paragraph (PDF and spreadsheet): definitions, the attribution to managers, and that this is staff data. */
export function methodParagraphs(report: FundingReportResponse): string[] {
  return [
    `Zeitraum ${germanDate(report.from)} bis ${germanDate(report.to)} (beide Tage eingeschlossen), Kommune ${report.municipalityName}. Erstellt am ${germanDate(report.createdOn)} mit Wegweiser.`,
    'Dieses Dokument enthält Beschäftigtendaten (Zahlen je Integrationsmanager:in). Es ist ausschließlich für den Verwendungsnachweis gegenüber dem Zuwendungsgeber (Regierungspräsidium) bestimmt und nicht zur Veröffentlichung oder zur Leistungskontrolle einzelner Beschäftigter. Nur die Administration kann es erstellen; jede Erstellung wird im Protokoll festgehalten.',
    'Zuordnung: Jede Person wird der Integrationsmanagerin oder dem Integrationsmanager zugeordnet, die oder der am letzten Tag des Zeitraums zuständig war. Bei einem Wechsel der Zuständigkeit im Zeitraum zählen alle Angaben der Person (auch Gespräche, Pläne, Vermittlungen) bei der am Ende zuständigen Person. Personen ohne zuständige Person stehen in der Spalte „ohne Zuständigkeit“. „Insgesamt“ ist die ganze Kommune.',
    'Beratene Personen: Betreuungsbeginn bis zum Ende des Zeitraums und nicht vor seinem Beginn abgeschlossen; neu = Beginn im Zeitraum, fortlaufend = Beginn davor. Abgeschlossen = Abschlussdatum im Zeitraum. Gespräche nach Gesprächsdatum (deutsche Zeit). Integrationsplan erstmals vereinbart = erste mit der Person vereinbarte Fassung im Zeitraum; fortgeschrieben = eine spätere Fassung im Zeitraum (je Person einmal gezählt). Vermittlungen nach Versanddatum; ein Netzwerkpartner in mehreren Arbeitskreisen zählt in jedem. Ziele der beratenen Personen mit ihrem Stand am Ende des Zeitraums; ein Ziel, dessen Stand sich danach geändert hat, zählt als offen.',
    'Qualität (Rechnungshof, Denkschrift 2022 Nr. 15): Anteil der beratenen Personen mit Beginn mindestens 3 Monate vor Ende des Zeitraums, deren erster Integrationsplan innerhalb von 3 Monaten nach Beginn vereinbart wurde; Anteil der am Ende des Zeitraums betreuten Personen, deren Plan in den 6 Monaten bis zum Ende vereinbart oder fortgeschrieben wurde; je Handlungsfeld der Anteil der im Zeitraum abgeschlossenen Ziele (erreicht, nicht erreicht, verworfen), die erreicht wurden. Keine Geheimhaltung kleiner Zahlen: das Dokument ist keine Veröffentlichung.',
  ];
}
