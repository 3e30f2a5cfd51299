package cn.huiyisheng.rules.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The difference between two JSON documents as RFC 6902 operations (add, remove, replace), each at
 * its JSON Pointer (RFC 6901), with the value it had and the value it has: what an auditor reads
 * when a replay is not identical, what a reviewer reads when an applicant corrects facts. Objects
 * are compared member by member, arrays element by element by position (a removed middle element
 * reads as replaced ones and a removed last one: good enough to locate, which is the point).
 */
public final class JsonDiff {

    /** One operation: {@code op} is add, remove or replace; {@code from} is null for add, {@code value} null for remove. */
    public record Op(String op, String path, JsonNode from, JsonNode value) {

        /** "/children/0/deathDate: null → "2026-10-03"" (values as JSON). */
        public String describe() {
            return path + ": " + (from == null ? "—" : from.toString()) + " → " + (value == null ? "—" : value.toString());
        }
    }

    private JsonDiff() {
    }

    public static List<Op> diff(JsonNode before, JsonNode after) {
        List<Op> ops = new ArrayList<>();
        diff("", before == null ? NullNode.getInstance() : before, after == null ? NullNode.getInstance() : after, ops);
        return ops;
    }

    private static void diff(String path, JsonNode a, JsonNode b, List<Op> ops) {
        if (a.equals(b)) {
            return;
        }
        if (a.isObject() && b.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String p = path + "/" + escape(name);
                JsonNode x = a.get(name);
                JsonNode y = b.get(name);
                if (x == null) {
                    ops.add(new Op("add", p, null, y));
                } else if (y == null) {
                    ops.add(new Op("remove", p, x, null));
                } else {
                    diff(p, x, y, ops);
                }
            }
            return;
        }
        if (a.isArray() && b.isArray()) {
            int common = Math.min(a.size(), b.size());
            for (int i = 0; i < common; i++) {
                diff(path + "/" + i, a.get(i), b.get(i), ops);
            }
            for (int i = common; i < b.size(); i++) {
                ops.add(new Op("add", path + "/" + i, null, b.get(i)));
            }
            // removed from the end backwards, so that each pointer is valid when applied in order
            for (int i = a.size() - 1; i >= common; i--) {
                ops.add(new Op("remove", path + "/" + i, a.get(i), null));
            }
            return;
        }
        ops.add(new Op("replace", path.isEmpty() ? "" : path, a, b));
    }

    /** RFC 6901: "~" as "~0", "/" as "~1". */
    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /** The operations as an RFC 6902 patch document (op, path, value), for export. */
    public static String patch(List<Op> ops) {
        StringBuilder s = new StringBuilder("[");
        for (Iterator<Op> it = ops.iterator(); it.hasNext(); ) {
            Op o = it.next();
            s.append("{\"op\":\"").append(o.op()).append("\",\"path\":").append(com.fasterxml.jackson.databind.node.TextNode.valueOf(o.path()));
            if (o.value() != null) {
                s.append(",\"value\":").append(o.value());
            }
            s.append('}').append(it.hasNext() ? "," : "");
        }
        return s.append(']').toString();
    }
}
