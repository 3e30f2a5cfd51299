package cn.huiyisheng.rules.verify;

import cn.huiyisheng.rules.catalog.KnownGap;
import cn.huiyisheng.rules.table.CellType;
import cn.huiyisheng.rules.table.Column;
import cn.huiyisheng.rules.table.TableRow;
import cn.huiyisheng.rules.table.TableTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds gaps, overlaps and rows that can never fire in a table's conditions. Each condition
 * attribute is a dimension: numbers and dates split into elementary intervals at every row's
 * bounds, enumerations and yes/no into their values. Within the hull of the rows (the values some
 * row accepts, per dimension) every combination is checked: none covering it is a gap, two are an
 * overlap. Gaps are merged into the largest regions and printed canonically, e.g.
 * {@code onlyChildStatus=DISABLED; disabilityGrade>=4}, so metadata can explain intended ones.
 */
public final class TableVerifier {

    /** Above this many combinations the check would be slow; tables here have a few hundred. */
    public static final long MAX_CELLS = 2_000_000;

    private TableVerifier() {
    }

    static final long NEG = Long.MIN_VALUE / 4;
    static final long POS = Long.MAX_VALUE / 4;

    /** One condition attribute with the elementary pieces of its hull. */
    static final class Dimension {
        final String attribute;
        final boolean numeric;
        final boolean date;
        final List<long[]> intervals = new ArrayList<>();   // numeric: [lo, hi] inclusive
        final List<Object> values = new ArrayList<>();       // enum / boolean

        Dimension(String attribute, boolean numeric, boolean date) {
            this.attribute = attribute;
            this.numeric = numeric;
            this.date = date;
        }

        int size() {
            return numeric ? intervals.size() : values.size();
        }

        String describe(int index) {
            if (!numeric) {
                Object v = values.get(index);
                return attribute + "=" + (v instanceof Enum<?> e ? e.name() : v);
            }
            long[] iv = intervals.get(index);
            String lo = show(iv[0]);
            String hi = show(iv[1]);
            if (iv[0] == NEG) {
                return attribute + "<=" + hi;
            }
            if (iv[1] == POS) {
                return attribute + ">=" + lo;
            }
            return iv[0] == iv[1] ? attribute + "=" + lo : attribute + "=" + lo + ".." + hi;
        }

        private String show(long v) {
            return date ? LocalDate.ofEpochDay(v).toString() : Long.toString(v);
        }
    }

    /** A row's accepted set per dimension: an interval or a set of values. */
    record RowSpace(TableRow row, long[][] intervals, List<Set<Object>> values, String contradiction) {
    }

    /** The condition columns of each attribute (a lower and an upper bound share one), in the template's order. */
    static Map<String, List<Integer>> columnsByAttribute(TableTemplate template) {
        Map<String, List<Integer>> columnsByAttribute = new LinkedHashMap<>();
        List<Column> conditions = template.conditions();
        for (int c = 0; c < conditions.size(); c++) {
            columnsByAttribute.computeIfAbsent(conditions.get(c).attribute(), a -> new ArrayList<>()).add(c);
        }
        return columnsByAttribute;
    }

    /** How many elementary combinations the dimensions make; refused above {@link #MAX_CELLS}. */
    static long cells(TableTemplate template, List<Dimension> dims, String what) {
        long cells = 1;
        for (Dimension dim : dims) {
            cells *= Math.max(1, dim.size());
            if (cells > MAX_CELLS) {
                throw new IllegalArgumentException(template.code() + ": too many combinations to " + what + " exhaustively");
            }
        }
        return cells;
    }

    /** The n-th combination's piece of each dimension, into {@code index}. */
    static void decode(long n, List<Dimension> dims, int[] index) {
        long rest = n;
        for (int d = dims.size() - 1; d >= 0; d--) {
            index[d] = (int) (rest % dims.get(d).size());
            rest /= dims.get(d).size();
        }
    }

    public static VerificationReport verify(TableTemplate template, List<TableRow> rows, List<KnownGap> knownGaps) {
        Map<String, List<Integer>> columnsByAttribute = columnsByAttribute(template);
        List<String> attributes = new ArrayList<>(columnsByAttribute.keySet());
        List<RowSpace> spaces = new ArrayList<>();
        List<String> neverFires = new ArrayList<>();
        for (TableRow row : rows) {
            RowSpace space = space(template, row, attributes, columnsByAttribute);
            if (space.contradiction != null) {
                neverFires.add(row.rowId() + " (row " + row.sheetRow() + "): " + space.contradiction);
            } else {
                spaces.add(space);
            }
        }
        List<Dimension> dims = new ArrayList<>();
        for (int d = 0; d < attributes.size(); d++) {
            dims.add(dimension(template, attributes.get(d), columnsByAttribute.get(attributes.get(d)), spaces, d));
        }
        long cells = cells(template, dims, "verify");
        List<int[]> gapCells = new ArrayList<>();
        Map<String, VerificationReport.Overlap> overlaps = new LinkedHashMap<>();
        int[] index = new int[dims.size()];
        boolean anyDimEmpty = dims.stream().anyMatch(d -> d.size() == 0);
        for (long n = 0; n < cells && !anyDimEmpty && !spaces.isEmpty(); n++) {
            decode(n, dims, index);
            List<RowSpace> covering = new ArrayList<>(2);
            for (RowSpace s : spaces) {
                if (covers(s, dims, index)) {
                    covering.add(s);
                }
            }
            if (covering.isEmpty()) {
                gapCells.add(index.clone());
            } else if (covering.size() > 1) {
                for (int i = 0; i < covering.size(); i++) {
                    for (int j = i + 1; j < covering.size(); j++) {
                        TableRow a = covering.get(i).row;
                        TableRow b = covering.get(j).row;
                        overlaps.putIfAbsent(a.rowId() + "|" + b.rowId(), new VerificationReport.Overlap(
                                a.rowId(), a.sheetRow(), b.rowId(), b.sheetRow(), describe(dims, index)));
                    }
                }
            }
        }
        List<String> gaps = merge(gapCells, dims).stream().map(cell -> describe(dims, cell)).toList();
        Set<String> explained = new HashSet<>();
        knownGaps.forEach(k -> explained.add(k.gap()));
        List<String> unexplained = gaps.stream().filter(g -> !explained.contains(g)).toList();
        List<String> explainedFound = gaps.stream().filter(explained::contains).toList();
        List<String> unused = knownGaps.stream().map(KnownGap::gap).filter(g -> !gaps.contains(g)).toList();
        return new VerificationReport(template.code().name(), rows.size(), cells, unexplained, explainedFound,
                List.copyOf(overlaps.values()), neverFires, unused);
    }

    static RowSpace space(TableTemplate template, TableRow row, List<String> attributes,
                                  Map<String, List<Integer>> columnsByAttribute) {
        List<Column> conditions = template.conditions();
        long[][] intervals = new long[attributes.size()][];
        List<Set<Object>> values = new ArrayList<>();
        String contradiction = null;
        for (int d = 0; d < attributes.size(); d++) {
            long lo = NEG;
            long hi = POS;
            Set<Object> set = null;
            for (int c : columnsByAttribute.get(attributes.get(d))) {
                Object v = row.value(c);
                if (v == null) {
                    continue;
                }
                Column column = conditions.get(c);
                switch (column.type()) {
                    case MIN_INT -> lo = Math.max(lo, (Integer) v);
                    case MAX_INT -> hi = Math.min(hi, (Integer) v);
                    case EQ_INT -> {
                        lo = Math.max(lo, (Integer) v);
                        hi = Math.min(hi, (Integer) v);
                    }
                    case DATE_MIN -> lo = Math.max(lo, ((LocalDate) v).toEpochDay());
                    case DATE_MAX -> hi = Math.min(hi, ((LocalDate) v).toEpochDay());
                    case ENUM_SET -> set = new LinkedHashSet<>((Collection<?>) v);
                    case BOOL -> set = Set.of(v);
                    default -> throw new IllegalStateException(column.type().name());
                }
            }
            if (lo > hi) {
                contradiction = attributes.get(d) + " must be at least " + lo + " and at most " + hi;
            }
            intervals[d] = new long[]{lo, hi};
            values.add(set);
        }
        return new RowSpace(row, intervals, values, contradiction);
    }

    static Dimension dimension(TableTemplate template, String attribute, List<Integer> columns,
                                       List<RowSpace> spaces, int d) {
        Column first = template.conditions().get(columns.get(0));
        boolean numeric = first.type() != CellType.ENUM_SET && first.type() != CellType.BOOL;
        boolean date = first.type() == CellType.DATE_MIN || first.type() == CellType.DATE_MAX;
        Dimension dim = new Dimension(attribute, numeric, date);
        if (numeric) {
            TreeSet<Long> cuts = new TreeSet<>();
            long hullLo = POS;
            long hullHi = NEG;
            for (RowSpace s : spaces) {
                long[] iv = s.intervals[d];
                hullLo = Math.min(hullLo, iv[0]);
                hullHi = Math.max(hullHi, iv[1]);
                cuts.add(iv[0]);
                if (iv[1] != POS) {
                    cuts.add(iv[1] + 1);
                }
            }
            if (spaces.isEmpty()) {
                return dim;
            }
            List<Long> points = new ArrayList<>(cuts.subSet(hullLo, true, hullHi, true));
            for (int i = 0; i < points.size(); i++) {
                long lo = points.get(i);
                long hi = i + 1 < points.size() ? points.get(i + 1) - 1 : hullHi;
                dim.intervals.add(new long[]{lo, hi});
            }
        } else {
            Set<Object> hull = new LinkedHashSet<>();
            List<Object> all = first.type() == CellType.BOOL ? List.of(Boolean.TRUE, Boolean.FALSE)
                    : Arrays.asList((Object[]) first.enumType().getEnumConstants());
            for (RowSpace s : spaces) {
                hull.addAll(s.values.get(d) == null ? all : s.values.get(d));
            }
            for (Object v : all) {
                if (hull.contains(v)) {
                    dim.values.add(v);
                }
            }
        }
        return dim;
    }

    static boolean covers(RowSpace s, List<Dimension> dims, int[] index) {
        for (int d = 0; d < dims.size(); d++) {
            Dimension dim = dims.get(d);
            if (dim.numeric) {
                long[] piece = dim.intervals.get(index[d]);
                long[] iv = s.intervals[d];
                if (piece[0] < iv[0] || piece[1] > iv[1]) {
                    return false;
                }
            } else {
                Set<Object> set = s.values.get(d);
                if (set != null && !set.contains(dim.values.get(index[d]))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Merges gap cells that differ in one dimension only and together span all of it; -1 means any. */
    static List<int[]> merge(List<int[]> cells, List<Dimension> dims) {
        List<int[]> current = new ArrayList<>(cells);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int d = 0; d < dims.size() && !changed; d++) {
                if (dims.get(d).size() < 2) {
                    continue;
                }
                Map<String, List<int[]>> groups = new HashMap<>();
                for (int[] cell : current) {
                    if (cell[d] < 0) {
                        continue;
                    }
                    int[] key = cell.clone();
                    key[d] = -2;
                    groups.computeIfAbsent(Arrays.toString(key), k -> new ArrayList<>()).add(cell);
                }
                for (List<int[]> group : groups.values()) {
                    if (group.size() == dims.get(d).size()) {
                        current.removeAll(group);
                        int[] merged = group.get(0).clone();
                        merged[d] = -1;
                        current.add(merged);
                        changed = true;
                    }
                }
            }
        }
        current.sort(Arrays::compare);
        return current;
    }

    private static String describe(List<Dimension> dims, int[] cell) {
        List<String> parts = new ArrayList<>();
        for (int d = 0; d < dims.size(); d++) {
            if (cell[d] >= 0 && dims.get(d).size() > 1) {
                parts.add(dims.get(d).describe(cell[d]));
            }
        }
        return parts.isEmpty() ? "(everything in range)" : String.join("; ", parts);
    }

}
