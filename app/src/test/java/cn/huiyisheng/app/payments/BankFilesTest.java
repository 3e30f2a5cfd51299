package cn.huiyisheng.app.payments;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Bank files open correctly in a Chinese Excel, never run a formula, and return files are read as banks write them. */
class BankFilesTest {

    @Test
    void aBankFileIsUtf8WithAMarkQuotedAsRfc4180AndRunsNoFormula() {
        byte[] file = BankFiles.write(List.of("reference", "payee_name", "amount"), List.of(
                List.of("HYS-P-1", BankFiles.text("=HYPERLINK(\"http://x\")"), "340.00"),
                List.of("HYS-P-2", BankFiles.text("王, \"强\"\n二"), "6000.00"),
                List.of("HYS-P-3", BankFiles.text("@SUM(A1)"), "1.00"),
                List.of("HYS-P-4", BankFiles.text("+86"), "2.00"),
                List.of("HYS-P-5", BankFiles.text("-1"), "3.00")), BankFiles.Encoding.UTF_8_BOM);
        assertThat(file).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("reference,payee_name,amount\r\n")
                .contains("HYS-P-1,\"'=HYPERLINK(\"\"http://x\"\")\",340.00\r\n")
                .contains("HYS-P-2,\"王, \"\"强\"\"\n二\",6000.00\r\n")
                .contains("HYS-P-3,'@SUM(A1),1.00\r\n").contains("HYS-P-4,'+86,2.00\r\n").contains("HYS-P-5,'-1,3.00\r\n");
        // and it reads back cell for cell
        List<BankFiles.Line> back = BankFiles.read(file);
        assertThat(back).hasSize(6);
        assertThat(back.get(2).cells()).containsExactly("HYS-P-2", "王, \"强\"\n二", "6000.00");
    }

    @Test
    void aBankThatAsksForGb18030GetsIt() {
        byte[] file = BankFiles.write(List.of("reference", "payee_name"), List.of(List.of("HYS-P-1", "李梅")), BankFiles.Encoding.GB18030);
        assertThat(file[0]).isNotEqualTo((byte) 0xEF);
        assertThat(new String(file, Charset.forName("GB18030"))).isEqualTo("reference,payee_name\r\nHYS-P-1,李梅\r\n");
    }

    @Test
    void returnFilesAreReadInUtf8WithOrWithoutTheMarkAndInGb18030() {
        String csv = "reference,status,reason\r\nHYS-P-7,FAILED,\"账户已冻结, 请核实\"\r\n";
        for (byte[] bytes : List.of(csv.getBytes(StandardCharsets.UTF_8), ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8),
                csv.getBytes(Charset.forName("GB18030")))) {
            List<BankFiles.Line> lines = BankFiles.read(bytes);
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0).cells()).containsExactly("reference", "status", "reason");
            assertThat(lines.get(1).number()).isEqualTo(2);
            assertThat(lines.get(1).cells()).containsExactly("HYS-P-7", "FAILED", "账户已冻结, 请核实");
        }
    }
}
