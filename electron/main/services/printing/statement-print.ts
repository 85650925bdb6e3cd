import type { ReportResponse } from '../../../../shared/api/report.js';
import type { ReportRequest } from '../../../../shared/ipc.js';
import type { PdfPrinter, PrintResult } from './print-document.js';
import { statementDocument } from './statement-print-html.js';

export interface StatementPrintDeps {
  /** The statement as the app shows it (live, or cache when the engine cannot answer). */
  report: (request: ReportRequest, signal: AbortSignal) => Promise<{ data: ReportResponse }>;
  /** Absent in browser mode: the page then prints itself with its print stylesheet. */
  printPdf: PdfPrinter | undefined;
}

/**
 * printStatement: the renderer names the statement (account set, type, dates, all checked by the IPC
 * contract); main reads the data itself, builds the HTML and prints it. No markup from the renderer.
 */
export function createStatementPrinter(deps: StatementPrintDeps) {
  return async (request: ReportRequest, signal: AbortSignal): Promise<PrintResult> => {
    const print = deps.printPdf;
    if (!print) return { status: 'unsupported' };
    const { data } = await deps.report(request, signal);
    return print(statementDocument(data.report_data, request));
  };
}
