package cn.huiyisheng.app.auditconsole;

import cn.huiyisheng.app.audit.SecurityTrail;
import cn.huiyisheng.app.determinations.SealedDeterminations;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Signed checkpoints of both chains (issue 12 §4): the heads of the determination chain and of
 * the security trail (position and hash) at an instant, signed with SM2 and written as a file of
 * their own outside the database, into a configured directory that operators ship to another host
 * (README). A wholesale rewrite of a chain, its hashes recomputed, cannot match a checkpoint
 * signed before it: {@link CheckpointVerifier} checks a database against them.
 */
@Service
public class Checkpoints {

    public static final String FORMAT = "huiyisheng-checkpoint/1";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final SealedDeterminations determinations;
    private final SecurityTrail trail;
    private final ObjectMapper json;
    private final Clock clock;
    private final Path directory;
    private final Path keyFile;
    private volatile CheckpointSigner signer;

    public Checkpoints(SealedDeterminations determinations, SecurityTrail trail, ObjectMapper json, Clock clock,
                       @Value("${huiyisheng.audit.checkpoint-dir:./data/checkpoints}") String directory,
                       @Value("${huiyisheng.audit.checkpoint-key:./data/checkpoint-signing.key}") String keyFile) {
        this.determinations = determinations;
        this.trail = trail;
        this.json = json;
        this.clock = clock;
        this.directory = Path.of(directory);
        this.keyFile = Path.of(keyFile);
    }

    /** The signer, its key read (or made) on first use; its public key written beside the checkpoints. */
    private CheckpointSigner signer() {
        CheckpointSigner s = signer;
        if (s == null) {
            synchronized (this) {
                if (signer == null) {
                    signer = CheckpointSigner.fromFile(keyFile);
                    try {
                        Files.createDirectories(directory);
                        Files.writeString(directory.resolve("signing-key.pub"), signer.publicKey() + "\n", StandardCharsets.US_ASCII);
                    } catch (IOException e) {
                        throw new UncheckedIOException("the checkpoint directory " + directory + " cannot be written", e);
                    }
                }
                s = signer;
            }
        }
        return s;
    }

    public String publicKey() {
        return signer().publicKey();
    }

    public Path directory() {
        return directory;
    }

    /** One checkpoint: when, the two heads, and the signature over {@link #signedText}. */
    public record Checkpoint(String file, Instant at, long determinationsSeq, String determinationsHash, long securitySeq, String securityHash,
                             String publicKey, String signature) {
    }

    /** The text a checkpoint's signature is over: the format, the instant and each chain's head, one per line. */
    public static String signedText(Instant at, long dSeq, String dHash, long sSeq, String sHash) {
        return FORMAT + "\n" + at + "\ndeterminations " + dSeq + " " + dHash + "\nsecurity " + sSeq + " " + sHash;
    }

    /**
     * Seals what is pending in both chains, then signs and writes their heads; the checkpoint written.
     * Outside any caller's transaction (the nightly process's job has one): each seal commits on its
     * own, so that no chain head stays locked while the file is signed and written.
     */
    @org.springframework.transaction.annotation.Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public Checkpoint write() {
        determinations.seal();
        trail.seal();
        SealedDeterminations.Head d = determinations.head();
        SecurityTrail.Head s = trail.head();
        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        CheckpointSigner signer = signer();
        String signature = signer.sign(signedText(at, d.seq(), d.hash(), s.seq(), s.hash()));
        ObjectNode node = json.createObjectNode();
        node.put("format", FORMAT);
        node.put("at", at.toString());
        ObjectNode chains = node.putObject("chains");
        chains.putObject("determinations").put("seq", d.seq()).put("hash", d.hash());
        chains.putObject("security").put("seq", s.seq()).put("hash", s.hash());
        node.put("algorithm", CheckpointSigner.ALGORITHM);
        node.put("publicKey", signer.publicKey());
        node.put("signature", signature);
        String name = "checkpoint-" + FILE_TIME.format(at) + "-" + d.seq() + "-" + s.seq() + ".json";
        try {
            Files.createDirectories(directory);
            Path tmp = directory.resolve(name + ".tmp");
            Files.writeString(tmp, json.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("the checkpoint could not be written to " + directory, e);
        }
        return new Checkpoint(name, at, d.seq(), d.hash(), s.seq(), s.hash(), signer.publicKey(), signature);
    }

    /** The checkpoints in the directory, oldest first (unreadable files are the verifier's to report). */
    public List<Checkpoint> list() {
        return read(directory, json);
    }

    static List<Checkpoint> read(Path directory, ObjectMapper json) {
        List<Checkpoint> out = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return out;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("checkpoint-.*\\.json")).sorted().toList()) {
                try {
                    out.add(parse(f.getFileName().toString(), json.readTree(f.toFile())));
                } catch (IOException | RuntimeException unreadable) {
                    out.add(new Checkpoint(f.getFileName().toString(), null, -1, null, -1, null, null, null));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static Checkpoint parse(String file, JsonNode n) {
        if (!FORMAT.equals(n.path("format").asText())) {
            throw new IllegalArgumentException("not a " + FORMAT);
        }
        JsonNode c = n.get("chains");
        return new Checkpoint(file, Instant.parse(n.get("at").asText()), c.get("determinations").get("seq").asLong(),
                c.get("determinations").get("hash").asText(), c.get("security").get("seq").asLong(), c.get("security").get("hash").asText(),
                n.get("publicKey").asText(), n.get("signature").asText());
    }
}
