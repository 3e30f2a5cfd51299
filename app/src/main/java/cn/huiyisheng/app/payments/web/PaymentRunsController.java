package cn.huiyisheng.app.payments.web;

import cn.huiyisheng.app.payments.Payments;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import cn.huiyisheng.app.identity.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Payment runs: start, see, download the bank files, import the bank's return file. */
@RestController
@RequestMapping("/api/payment-runs")
public class PaymentRunsController {

    private final Payments payments;

    public PaymentRunsController(Payments payments) {
        this.payments = payments;
    }

    @Operation(summary = "Start a payment run now / 立即发起支付批次")
    @PostMapping
    public ResponseEntity<Payments.RunView> start(Authentication auth) {
        return ResponseEntity.status(HttpStatus.CREATED).body(payments.startRun(CurrentUser.of(auth)));
    }

    @GetMapping
    public List<Payments.RunView> runs() {
        return payments.runViews();
    }

    @GetMapping("/{id}")
    public Payments.RunView run(@PathVariable long id) {
        return payments.runView(id);
    }

    @Operation(summary = "Download a payer's bank disbursement file (CSV) / 下载银行代发文件")
    @GetMapping("/{id}/files/{payer}")
    public ResponseEntity<byte[]> file(Authentication auth, @PathVariable long id, @PathVariable String payer) {
        Payments.BankFile f = payments.bankFile(id, payer, CurrentUser.of(auth));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(f.filename()).build().toString())
                .contentType(new MediaType("text", "csv", f.charset()))
                .body(f.content());
    }

    static final String RETURN_FILE = "the bank's return file: a header line, then one line per payment of the run";
    static final String RETURN_EXAMPLE = "reference,status,reason\r\nHYS-P-101,PAID,\r\nHYS-P-102,FAILED,账户冻结\r\n";

    @Operation(summary = "Import the bank's return file (CSV: reference,status,reason) / 导入银行回盘文件",
            description = "UTF-8 (with or without a byte-order mark) or GB18030. Every payment of the run must be answered, PAID or"
                    + " FAILED with the bank's reason; a refused file changes nothing and gives 400 with every problem by line.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary", description = RETURN_FILE),
                            examples = @ExampleObject(name = "one paid, one failed", value = RETURN_EXAMPLE)),
                    @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string", format = "binary",
                            description = RETURN_FILE), examples = @ExampleObject(name = "one paid, one failed", value = RETURN_EXAMPLE)),
                    @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE, schema = @Schema(type = "string", format = "binary",
                            description = RETURN_FILE))}))
    @PostMapping(value = "/{id}/return-file", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    public Payments.RunView importReturn(Authentication auth, @PathVariable long id, @RequestBody byte[] content) {
        return payments.importReturn(id, CurrentUser.of(auth), content);
    }
}
