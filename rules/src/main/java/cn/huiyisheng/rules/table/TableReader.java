package cn.huiyisheng.rules.table;

import cn.huiyisheng.rules.household.Labelled;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.NumberToTextConverter;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads an uploaded decision-table spreadsheet and checks it against its pinned template before
 * Drools sees it: every header and code cell must read exactly as the template says, every data
 * cell must be a valid typed value, and nothing may stand outside the table. Data cells are then
 * rewritten in canonical form (an amount as {@code 340.00}, a date as {@code LocalDate.of(…)}), so
 * the text Drools turns into code is always text this class wrote. Nothing a user types can become
 * Java or MVEL on the server.
 */
public final class TableReader {

    /** Far more rows than any policy table needs; a bound on work for hostile input. */
    public static final int MAX_DATA_ROWS = 5_000;
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    /** Rows below the table (notes, blank rows LibreOffice keeps) and columns a sheet may have before it is refused unread. */
    static final int MAX_TRAILING_ROWS = 1_000;
    static final int MAX_COLUMNS = 64;

    private static final Pattern ROW_ID = Pattern.compile("[A-Z][A-Z0-9-]{0,39}");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,7}");
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,9}(\\.\\d+)?");
    private static final Pattern SEPARATORS = Pattern.compile("[,，、;；\\s]+");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000");

    static {
        // zip-bomb guards for untrusted .xlsx files (POI's defaults, stated so they cannot silently loosen)
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(64L * 1024 * 1024);
    }

    private TableReader() {
    }

    public static ParsedTable read(TableTemplate template, byte[] bytes) {
        String sheetLabel = template.sheetName();
        if (bytes == null || bytes.length == 0) {
            throw reject(sheetLabel, null, "an .xlsx spreadsheet", "an empty file");
        }
        if (bytes.length > MAX_BYTES) {
            throw reject(sheetLabel, null, "a file of at most " + MAX_BYTES + " bytes", bytes.length + " bytes");
        }
        // rows and cells counted on a stream first: a sheet too large is refused without loading it
        WorkbookShape.check(sheetLabel, bytes, TableTemplate.FIRST_DATA_ROW + MAX_DATA_ROWS + MAX_TRAILING_ROWS,
                (TableTemplate.FIRST_DATA_ROW + MAX_DATA_ROWS + MAX_TRAILING_ROWS) * MAX_COLUMNS);
        Workbook workbook;
        try {
            workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes));
        } catch (Exception | LinkageError e) {
            throw reject(sheetLabel, null, "an .xlsx spreadsheet", "a file that is not one (" + e.getClass().getSimpleName() + ")");
        }
        List<TableProblem> problems = new ArrayList<>();
        if (workbook.getNumberOfSheets() != 1) {
            List<String> names = new ArrayList<>();
            workbook.forEach(s -> names.add(s.getSheetName()));
            problems.add(new TableProblem(sheetLabel, null, "exactly one sheet named " + template.sheetName(),
                    "sheets " + names));
            throw new TableRejectedException(problems);
        }
        Sheet sheet = workbook.getSheetAt(0);
        if (!sheet.getSheetName().equals(template.sheetName())) {
            problems.add(new TableProblem(sheet.getSheetName(), null, "the sheet to be named " + template.sheetName(),
                    sheet.getSheetName()));
        }
        String name = sheet.getSheetName();
        checkHeader(template, sheet, name, problems);
        checkMerges(template, sheet, name, problems);
        List<TableRow> rows = readRows(template, sheet, name, problems);
        if (!problems.isEmpty()) {
            throw new TableRejectedException(problems, SheetGrid.of(sheet, problems));
        }
        return new ParsedTable(template, rows, workbook);
    }

    private static void checkHeader(TableTemplate template, Sheet sheet, String name, List<TableProblem> problems) {
        List<List<String>> expected = template.headerRows();
        for (int r = 0; r < TableTemplate.FIRST_DATA_ROW; r++) {
            List<String> want = expected.get(r);
            Row row = sheet.getRow(r);
            int last = Math.max(want.size(), row == null ? 0 : row.getLastCellNum());
            for (int c = 0; c < last; c++) {
                String w = c < want.size() ? want.get(c) : null;
                Cell cell = row == null ? null : row.getCell(c);
                if (cell != null && cell.getCellType() == CellType.FORMULA) {
                    problems.add(new TableProblem(name, ref(r, c), "no formula", "=" + cell.getCellFormula()));
                    continue;
                }
                String found = text(cell);
                if (w == null && !found.isEmpty()) {
                    problems.add(new TableProblem(name, ref(r, c), "an empty cell (the template has nothing here)", found));
                } else if (w != null && !w.equals(found)) {
                    String what = r == TableTemplate.CODE_ROW || r == TableTemplate.OBJECT_ROW
                            ? "the template's code `" + w + "` (code rows are fixed and cannot be edited)"
                            : "`" + w + "` as in the template";
                    problems.add(new TableProblem(name, ref(r, c), what, found));
                }
            }
        }
    }

    private static void checkMerges(TableTemplate template, Sheet sheet, String name, List<TableProblem> problems) {
        Set<String> want = new HashSet<>();
        if (template.conditionCount() > 1) {
            want.add(new CellRangeAddress(TableTemplate.OBJECT_ROW, TableTemplate.OBJECT_ROW, 0,
                    template.conditionCount() - 1).formatAsString());
        }
        Set<String> found = sheet.getMergedRegions().stream().map(CellRangeAddress::formatAsString)
                .collect(Collectors.toSet());
        if (!want.equals(found)) {
            problems.add(new TableProblem(name, null, "merged cells exactly " + want, "merged cells " + found));
        }
    }

    private static List<TableRow> readRows(TableTemplate template, Sheet sheet, String name, List<TableProblem> problems) {
        List<Column> columns = template.columns();
        List<TableRow> rows = new ArrayList<>();
        Set<String> rowIds = new HashSet<>();
        boolean ended = false;
        int last = sheet.getLastRowNum();
        if (last - TableTemplate.FIRST_DATA_ROW >= MAX_DATA_ROWS) {
            problems.add(new TableProblem(name, null, "at most " + MAX_DATA_ROWS + " data rows",
                    (last - TableTemplate.FIRST_DATA_ROW + 1) + " rows"));
            return rows;
        }
        for (int r = TableTemplate.FIRST_DATA_ROW; r <= last; r++) {
            Row row = sheet.getRow(r);
            if (isBlank(row)) {
                ended = true;
                continue;
            }
            if (ended) {
                // Drools would read anything after the first blank row as a new keyword, even a new table
                problems.add(new TableProblem(name, ref(r, firstFilled(row)),
                        "nothing below the first blank row (the table ends there)", text(row.getCell(firstFilled(row)))));
                continue;
            }
            List<Object> values = new ArrayList<>(columns.size());
            boolean anyCondition = false;
            boolean rowOk = true;
            for (int c = 0; c < Math.max(columns.size(), row.getLastCellNum()); c++) {
                Cell cell = row.getCell(c);
                if (c >= columns.size()) {
                    if (!text(cell).isEmpty()) {
                        problems.add(new TableProblem(name, ref(r, c), "an empty cell (right of the table)", text(cell)));
                    }
                    continue;
                }
                Column column = columns.get(c);
                Parsed parsed = parse(column, cell);
                if (parsed.error != null) {
                    problems.add(new TableProblem(name, ref(r, c), parsed.error, parsed.found));
                    rowOk = false;
                    values.add(null);
                    continue;
                }
                if (parsed.value == null) {
                    if (column.required()) {
                        problems.add(new TableProblem(name, ref(r, c), describe(column) + " (required)", ""));
                        rowOk = false;
                    }
                    if (cell != null) {
                        row.removeCell(cell);
                    }
                    values.add(null);
                    continue;
                }
                anyCondition |= column.type().isCondition();
                values.add(parsed.value);
                if (cell == null) {
                    cell = row.createCell(c);
                }
                cell.setBlank();
                cell.setCellValue(parsed.canonical);
            }
            if (!anyCondition && rowOk) {
                problems.add(new TableProblem(name, ref(r, 0), "at least one condition in the row (a row without any would match everyone)", ""));
            }
            String rowId = (String) values.get(template.columnIndex(cn.huiyisheng.rules.table.CellType.ROW_ID));
            if (rowId != null && !rowIds.add(rowId)) {
                problems.add(new TableProblem(name, ref(r, template.columnIndex(cn.huiyisheng.rules.table.CellType.ROW_ID)),
                        "a row id used once in the table", rowId));
            }
            rows.add(new TableRow(r + 1, rowId, values));
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(new TableProblem(name, ref(TableTemplate.FIRST_DATA_ROW, 0), "at least one data row", ""));
        }
        return rows;
    }

    /** A cell's value: typed, with the canonical text Drools will read, or why it is not valid. */
    private record Parsed(Object value, String canonical, String error, String found) {
        static Parsed ok(Object value, String canonical) {
            return new Parsed(value, canonical, null, null);
        }

        static Parsed blank() {
            return new Parsed(null, null, null, null);
        }

        static Parsed bad(Column column, String found) {
            return new Parsed(null, null, describe(column), found);
        }
    }

    private static Parsed parse(Column column, Cell cell) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return Parsed.blank();
        }
        if (cell.getCellType() == CellType.FORMULA) {
            return new Parsed(null, null, "a plain value, not a formula", "=" + cell.getCellFormula());
        }
        if (cell.getCellType() == CellType.ERROR) {
            return Parsed.bad(column, "#ERROR");
        }
        String text = text(cell);
        if (text.isEmpty()) {
            return Parsed.blank();
        }
        return switch (column.type()) {
            case MIN_INT, MAX_INT, EQ_INT -> {
                if (!INTEGER.matcher(text).matches()) {
                    yield Parsed.bad(column, text);
                }
                int v = Integer.parseInt(text);
                yield Parsed.ok(v, Integer.toString(v));
            }
            case BOOL -> switch (text.toLowerCase(Locale.ROOT)) {
                case "是", "true", "yes", "y" -> Parsed.ok(Boolean.TRUE, "true");
                case "否", "false", "no", "n" -> Parsed.ok(Boolean.FALSE, "false");
                default -> Parsed.bad(column, text);
            };
            case ENUM_SET, PAYER -> {
                Set<Enum<?>> constants = new LinkedHashSet<>();
                for (String token : SEPARATORS.split(text)) {
                    if (token.isEmpty()) {
                        continue;
                    }
                    Enum<?> constant = constant(column.enumType(), token);
                    if (constant == null) {
                        yield Parsed.bad(column, text);
                    }
                    constants.add(constant);
                }
                if (constants.isEmpty() || column.type() == cn.huiyisheng.rules.table.CellType.PAYER && constants.size() != 1) {
                    yield Parsed.bad(column, text);
                }
                String simple = column.enumType().getSimpleName();
                String canonical = constants.stream().map(e -> simple + "." + e.name()).collect(Collectors.joining(", "));
                yield column.type() == cn.huiyisheng.rules.table.CellType.PAYER
                        ? Parsed.ok(constants.iterator().next(), canonical)
                        : Parsed.ok(Set.copyOf(constants), canonical);
            }
            case DATE_MIN, DATE_MAX -> {
                LocalDate date = date(cell, text);
                yield date == null ? Parsed.bad(column, text)
                        : Parsed.ok(date, "LocalDate.of(" + date.getYear() + ", " + date.getMonthValue() + ", " + date.getDayOfMonth() + ")");
            }
            case ROW_ID -> ROW_ID.matcher(text).matches() ? Parsed.ok(text, text) : Parsed.bad(column, text);
            case AMOUNT -> {
                BigDecimal amount = decimal(text);
                if (amount == null || amount.stripTrailingZeros().scale() > 2 || amount.compareTo(MAX_AMOUNT) > 0) {
                    yield Parsed.bad(column, text);
                }
                BigDecimal yuan = amount.setScale(2);
                yield Parsed.ok(yuan, yuan.toPlainString());
            }
            case RATE -> {
                BigDecimal rate = decimal(text);
                if (rate == null || rate.stripTrailingZeros().scale() > 4 || rate.compareTo(BigDecimal.ONE) > 0) {
                    yield Parsed.bad(column, text);
                }
                BigDecimal r = rate.setScale(4);
                yield Parsed.ok(r, r.toPlainString());
            }
        };
    }

    static String describe(Column column) {
        return switch (column.type()) {
            case MIN_INT, MAX_INT, EQ_INT -> "a whole number for `" + column.heading() + "`";
            case BOOL -> "是/否 (yes/no) for `" + column.heading() + "`";
            case ENUM_SET -> "one or more of " + choices(column.enumType()) + " separated by commas for `" + column.heading() + "`";
            case PAYER -> "one of " + choices(column.enumType()) + " for `" + column.heading() + "`";
            case DATE_MIN, DATE_MAX -> "a date (yyyy-mm-dd) for `" + column.heading() + "`";
            case ROW_ID -> "a row id of capital letters, digits and '-' (at most 40, starting with a letter)";
            case AMOUNT -> "an amount in yuan from 0 to 10,000,000 with at most 2 decimals for `" + column.heading() + "`";
            case RATE -> "a rate from 0 to 1 with at most 4 decimals for `" + column.heading() + "`";
        };
    }

    private static String choices(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(e -> e.name() + (e instanceof Labelled l ? " (" + l.zh() + ")" : ""))
                .collect(Collectors.joining(", "));
    }

    private static Enum<?> constant(Class<? extends Enum<?>> type, String token) {
        for (Enum<?> e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(token) || e instanceof Labelled l && l.zh().equals(token)) {
                return e;
            }
        }
        return null;
    }

    private static BigDecimal decimal(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            return null;
        }
        return new BigDecimal(text);
    }

    private static LocalDate date(Cell cell, String text) {
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate();
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The cell as text: strings trimmed, numbers as Excel shows them, booleans as true/false. */
    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue().strip();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : NumberToTextConverter.toText(cell.getNumericCellValue());
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case FORMULA -> "=" + cell.getCellFormula();
            case ERROR -> "#ERROR";
            default -> "";
        };
    }

    private static boolean isBlank(Row row) {
        if (row == null) {
            return true;
        }
        for (Cell cell : row) {
            if (cell.getCellType() == CellType.FORMULA || !text(cell).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static int firstFilled(Row row) {
        for (Cell cell : row) {
            if (!text(cell).isEmpty() || cell.getCellType() == CellType.FORMULA) {
                return cell.getColumnIndex();
            }
        }
        return 0;
    }

    static String ref(int row, int col) {
        return CellReference.convertNumToColString(col) + (row + 1);
    }

    private static TableRejectedException reject(String sheet, String cell, String expected, String found) {
        return new TableRejectedException(List.of(new TableProblem(sheet, cell, expected, found)));
    }
}
