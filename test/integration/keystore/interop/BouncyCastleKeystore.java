// Writes a PKCS#12 keystore with BouncyCastle's own KeyStore ("PKCS12", "BC"): one private key entry
// with its certificate chain, under the password in the environment variable P12_PASSWORD. BC
// encodes an empty password as zero bytes, where the JDK and OpenSSL use two zero bytes.
// Run: java -cp /usr/share/java/bcprov.jar BouncyCastleKeystore.java OUT.p12 ALIAS KEY.pem (PKCS#8) CERT.pem [CA.pem...]
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

public class BouncyCastleKeystore {
    public static void main(String[] args) throws Exception {
        Security.addProvider(new BouncyCastleProvider());
        char[] password = System.getenv("P12_PASSWORD").toCharArray();
        String pem = Files.readString(Paths.get(args[2]));
        byte[] pkcs8 = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        Certificate[] chain = new Certificate[args.length - 3];
        for (int index = 0; index < chain.length; index++) {
            try (FileInputStream in = new FileInputStream(args[3 + index])) {
                chain[index] = factory.generateCertificate(in);
            }
        }
        PrivateKey key = KeyFactory.getInstance(chain[0].getPublicKey().getAlgorithm()).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        KeyStore store = KeyStore.getInstance("PKCS12", "BC");
        store.load(null, null);
        store.setKeyEntry(args[1], key, password, chain);
        try (FileOutputStream out = new FileOutputStream(args[0])) {
            store.store(out, password);
        }
    }
}
