package cn.huiyisheng.app.auditconsole;

import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.util.encoders.Hex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * Signs the chains' checkpoints with SM2 over SM3 (GB/T 32918, GB/T 32905; BouncyCastle's
 * lightweight API, no JCA provider to register). SM2 rather than Ed25519: the city's systems are
 * assessed against GB/T 39786-2021 (商用密码应用安全性评估), which asks for the national algorithms
 * for integrity and non-repudiation; Ed25519 would be as strong and simpler, and would not pass.
 * The private key is a file of its own (hex of d, owner-readable only), never in the database; the
 * public key is the uncompressed point, hex, published beside the checkpoints and kept by whoever
 * verifies them.
 */
public final class CheckpointSigner {

    public static final String ALGORITHM = "SM2-SM3";
    private static final X9ECParameters CURVE = GMNamedCurves.getByName("sm2p256v1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());

    private final ECPrivateKeyParameters key;
    private final String publicKey;

    private CheckpointSigner(ECPrivateKeyParameters key) {
        this.key = key;
        this.publicKey = Hex.toHexString(DOMAIN.getG().multiply(key.getD()).normalize().getEncoded(false));
    }

    /** The signer whose private key is in this file, made there (owner-readable only) when there is none. */
    public static CheckpointSigner fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                BigInteger d = new BigInteger(Files.readString(file, StandardCharsets.US_ASCII).strip(), 16);
                return new CheckpointSigner(new ECPrivateKeyParameters(d, DOMAIN));
            }
            ECKeyPairGenerator generator = new ECKeyPairGenerator();
            generator.init(new ECKeyGenerationParameters(DOMAIN, new SecureRandom()));
            AsymmetricCipherKeyPair pair = generator.generateKeyPair();
            ECPrivateKeyParameters key = (ECPrivateKeyParameters) pair.getPrivate();
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, key.getD().toString(16), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a file system without POSIX permissions: the operator protects the directory
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return new CheckpointSigner(key);
        } catch (IOException e) {
            throw new UncheckedIOException("the checkpoint signing key " + file + " could not be read or made", e);
        }
    }

    /** The public key, hex of the uncompressed point (04…, 130 digits). */
    public String publicKey() {
        return publicKey;
    }

    /** The SM2 signature (DER, hex) of the text's UTF-8 bytes. */
    public String sign(String text) {
        SM2Signer signer = new SM2Signer();
        signer.init(true, new ParametersWithRandom(key, new SecureRandom()));
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        signer.update(bytes, 0, bytes.length);
        try {
            return Hex.toHexString(signer.generateSignature());
        } catch (CryptoException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }

    /** Whether the signature (hex) is this public key's (hex) over the text; false for anything malformed. */
    public static boolean verify(String publicKeyHex, String text, String signatureHex) {
        try {
            ECPublicKeyParameters key = new ECPublicKeyParameters(DOMAIN.getCurve().decodePoint(Hex.decode(publicKeyHex)), DOMAIN);
            SM2Signer signer = new SM2Signer();
            signer.init(false, key);
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            signer.update(bytes, 0, bytes.length);
            return signer.verifySignature(Hex.decode(signatureHex));
        } catch (RuntimeException malformed) {
            return false;
        }
    }
}
