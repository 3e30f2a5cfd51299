package cn.huiyisheng.app.payments.web;

import cn.huiyisheng.app.payments.Payments;
import io.swagger.v3.oas.annotations.Operation;
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

    @Operation(summary = "Import the bank's return file (CSV: reference,status,reason) / 导入银行回盘文件")
    @PostMapping(value = "/{id}/return-file", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    public Payments.RunView importReturn(Authentication auth, @PathVariable long id, @RequestBody byte[] content) {
        return payments.importReturn(id, CurrentUser.of(auth), content);
    }
}
