// Writes a keystore as eHealth's official tooling leaves it after a request (the public Java connector:
// KeyStoreManager.addAuthenticationKeyPair with CertificateUtils.generateCert, ra.properties
// dummycert.subject=C=Dummy, SHA256WithRSA): the new key under alias `authentication` with a dummy
// self-signed certificate, subject = issuer = C=Dummy, serial 0, valid one minute from a day ago,
// critical KeyUsage keyEncipherment + dataEncipherment. The connector builds it with BouncyCastle;
// this builds the same fields with the JDK alone, then stores it with the JDK's own PKCS12 KeyStore.
// Run: java [-Dkeystore.pkcs12.legacy] OfficialPendingKeystore.java KEY.pem (PKCS#8) OUT.p12 PASSWORD
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.text.SimpleDateFormat;
import java.util.Base64;
import java.util.Date;
import java.util.TimeZone;
import javax.security.auth.x500.X500Principal;

public class OfficialPendingKeystore {
    /** One DER element: tag, definite length, contents. */
    static byte[] der(int tag, byte[]... parts) {
        ByteArrayOutputStream contents = new ByteArrayOutputStream();
        for (byte[] part : parts) contents.writeBytes(part);
        byte[] body = contents.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        if (body.length >= 0x100) out.write(0x82);
        else if (body.length >= 0x80) out.write(0x81);
        if (body.length >= 0x100) out.write(body.length >> 8);
        out.write(body.length & 0xff);
        out.writeBytes(body);
        return out.toByteArray();
    }

    static byte[] utcTime(Date date) {
        SimpleDateFormat format = new SimpleDateFormat("yyMMddHHmmss'Z'");
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        return der(0x17, format.format(date).getBytes(StandardCharsets.US_ASCII));
    }

    public static void main(String[] args) throws Exception {
        // The PKCS#8 PEM block (openssl writes bag attributes before it).
        String pem = new String(Files.readAllBytes(Paths.get(args[0])), StandardCharsets.US_ASCII)
            .replaceAll("(?s).*-----BEGIN PRIVATE KEY-----|-----END PRIVATE KEY-----.*|\\s", "");
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        PrivateKey key = rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        RSAPrivateCrtKey crt = (RSAPrivateCrtKey) key;
        PublicKey publicKey = rsa.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));

        byte[] name = new X500Principal("C=Dummy").getEncoded();
        byte[] sha256WithRsa = der(0x30, der(0x06, new BigInteger("2a864886f70d01010b", 16).toByteArray()), der(0x05));
        long now = System.currentTimeMillis();
        Date notBefore = new Date(now - 86_400_000L);
        Date notAfter = new Date(notBefore.getTime() + 60_000L);
        // KeyUsage(16 + 32): BIT STRING 0x30 with 4 unused bits, critical.
        byte[] keyUsage = der(0x30, der(0x06, new byte[] {0x55, 0x1d, 0x0f}), der(0x01, new byte[] {(byte) 0xff}), der(0x04, der(0x03, new byte[] {4, 0x30})));
        byte[] tbs = der(0x30,
            der(0xa0, der(0x02, new byte[] {2})),
            der(0x02, new byte[] {0}),
            sha256WithRsa, name, der(0x30, utcTime(notBefore), utcTime(notAfter)), name,
            publicKey.getEncoded(),
            der(0xa3, der(0x30, keyUsage)));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update(tbs);
        byte[] signature = signer.sign();
        byte[] bits = new byte[signature.length + 1];
        System.arraycopy(signature, 0, bits, 1, signature.length);
        byte[] encoded = der(0x30, tbs, sha256WithRsa, der(0x03, bits));
        X509Certificate dummy = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(encoded));
        dummy.verify(publicKey);

        char[] password = args[2].toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, password);
        store.setKeyEntry("authentication", key, password, new Certificate[] {dummy});
        try (FileOutputStream out = new FileOutputStream(args[1])) {
            store.store(out, password);
        }
    }
}
