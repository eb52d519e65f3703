import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { csvLine, type Cell } from '../../core/export/cells.ts';

export interface ExportColumn<Row> {
  header: string;
  value: (row: Row) => Cell;
  width?: number;
}

/** CSV with a UTF-8 BOM (so Excel shows Indonesian names right), streamed row by row. */
export function csvStream<Row>(
  columns: ExportColumn<Row>[],
  rows: Iterable<Row> | AsyncIterable<Row>,
): Readable {
  async function* lines() {
    yield `\uFEFF${csvLine(columns.map((c) => c.header))}`;
    for await (const row of rows) yield csvLine(columns.map((c) => c.value(row)));
  }
  return Readable.from(lines());
}

const YIELD_EVERY_ROWS = 64;

/** XLSX written by exceljs' streaming writer: memory stays flat however many rows. */
export function xlsxStream<Row>(
  sheetName: string,
  columns: ExportColumn<Row>[],
  rows: Iterable<Row> | AsyncIterable<Row>,
): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.width ?? Math.max(10, c.header.length + 2),
  }));
  sheet.getRow(1).font = { bold: true };
  void (async () => {
    try {
      let sinceYield = 0;
      for await (const row of rows) {
        // Strings go in as string cells, which a spreadsheet never evaluates as formulas.
        sheet.addRow(columns.map((c) => c.value(row) ?? null)).commit();
        // exceljs does not pass backpressure on: committed rows pile up in front of its zip
        // compressor unless the loop lets it run, and wait while the reader is behind.
        if (++sinceYield >= YIELD_EVERY_ROWS) {
          sinceYield = 0;
          if (out.writableNeedDrain) await once(out, 'drain');
          else await new Promise<void>((resolve) => setImmediate(resolve));
        }
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}
