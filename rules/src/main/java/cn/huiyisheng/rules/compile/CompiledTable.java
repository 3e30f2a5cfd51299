package cn.huiyisheng.rules.compile;

import cn.huiyisheng.rules.table.TableRow;
import cn.huiyisheng.rules.table.TableTemplate;
import org.kie.api.KieBase;

import java.util.List;

/**
 * One table version compiled: its typed rows (for explanations and verification), the DRL that
 * Drools generated from the spreadsheet (for reviewers), and the knowledge base.
 */
public record CompiledTable(TableTemplate template, String sha256, List<TableRow> rows, String drl, KieBase kieBase) {
}
