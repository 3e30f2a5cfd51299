package cn.huiyisheng.rules.table;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * Writes a table as an .xlsx laid out by its template: the header rows, then one row per data row
 * (cell values as given: numbers stay numbers, anything else is written as text). Used to hand
 * policy staff a blank or filled table to edit, and by tests.
 */
public final class TableWorkbookWriter {

    private TableWorkbookWriter() {
    }

    public static byte[] write(TableTemplate template, List<List<Object>> dataRows) {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(template.sheetName());
            List<List<String>> header = template.headerRows();
            for (int r = 0; r < header.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < header.get(r).size(); c++) {
                    String value = header.get(r).get(c);
                    if (value != null) {
                        row.createCell(c).setCellValue(value);
                    }
                }
            }
            if (template.conditionCount() > 1) {
                // Drools reads a merged object-type cell only if the blank cells inside the merge exist
                Row objectRow = sheet.getRow(TableTemplate.OBJECT_ROW);
                for (int c = 1; c < template.conditionCount(); c++) {
                    objectRow.createCell(c).setBlank();
                }
                sheet.addMergedRegion(new CellRangeAddress(TableTemplate.OBJECT_ROW, TableTemplate.OBJECT_ROW, 0,
                        template.conditionCount() - 1));
            }
            for (int i = 0; i < dataRows.size(); i++) {
                Row row = sheet.createRow(TableTemplate.FIRST_DATA_ROW + i);
                List<Object> values = dataRows.get(i);
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    if (v == null || v.toString().isEmpty()) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (v instanceof BigDecimal d) {
                        cell.setCellValue(d.doubleValue());
                    } else if (v instanceof Integer n) {
                        cell.setCellValue(n);
                    } else {
                        cell.setCellValue(v.toString());
                    }
                }
            }
            for (int c = 0; c < template.columns().size(); c++) {
                sheet.setColumnWidth(c, 24 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
