package cn.huiyisheng.rules.table;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** Spreadsheets as large as the upload cap allows, written on a stream (the test itself stays small). */
final class LargeUploads {

    private LargeUploads() {
    }

    /** A sheet with the given name and this many rows of ten small numbers: about 140,000 rows fit in 5 MB. */
    static byte[] rows(String sheetName, int rows) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(sheetName);
            for (int r = 0; r < rows; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < 10; c++) {
                    row.createCell(c).setCellValue(c);
                }
            }
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
