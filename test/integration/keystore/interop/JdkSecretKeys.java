// Prints the secret-key entries of a PKCS#12 keystore as the JDK reads them, one line each, sorted:
// "alias algorithm hex-of-the-key". keytool -list shows that a secret key is there, not its value.
// The password is in the environment variable P12_PASSWORD.
// Run: java JdkSecretKeys.java FILE.p12
import java.io.FileInputStream;
import java.security.KeyStore;
import java.util.Collections;
import java.util.HexFormat;

public class JdkSecretKeys {
    public static void main(String[] args) throws Exception {
        char[] password = System.getenv("P12_PASSWORD").toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(args[0])) {
            store.load(in, password);
        }
        for (String alias : Collections.list(store.aliases()).stream().sorted().toList()) {
            if (!store.entryInstanceOf(alias, KeyStore.SecretKeyEntry.class)) continue;
            var key = ((KeyStore.SecretKeyEntry) store.getEntry(alias, new KeyStore.PasswordProtection(password))).getSecretKey();
            System.out.println(alias + " " + key.getAlgorithm() + " " + HexFormat.of().formatHex(key.getEncoded()));
        }
    }
}
